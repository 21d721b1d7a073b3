import { WriteBatch, type CorkableSocket } from '../../../lib/store/redis/write-batch.js';

function socket() {
  const calls: string[] = [];
  const corkable: CorkableSocket = {
    cork: () => calls.push('cork'),
    uncork: () => calls.push('uncork'),
  };
  return { corkable, calls };
}

const nextMicrotask = (): Promise<void> => new Promise((resolve) => queueMicrotask(resolve));

describe('WriteBatch', () => {
  it('sends a command at once when none is in flight: no cork', async () => {
    const { corkable, calls } = socket();
    const batch = new WriteBatch(() => corkable);
    batch.sending(false);
    await nextMicrotask();
    batch.sending(false);
    await nextMicrotask();
    expect(calls).toEqual([]);
  });

  it('corks for commands sent while others are in flight, and uncorks after the tick', async () => {
    const { corkable, calls } = socket();
    const batch = new WriteBatch(() => corkable);
    batch.sending(false);
    for (let i = 0; i < 99; i++) batch.sending(true);
    expect(calls).toEqual(['cork']);
    await nextMicrotask();
    expect(calls).toEqual(['cork', 'uncork']);
    batch.sending(true);
    await nextMicrotask();
    expect(calls).toEqual(['cork', 'uncork', 'cork', 'uncork']);
  });

  it('uncorks the socket it corked, even if the client has a new one by then', async () => {
    const first = socket();
    const second = socket();
    let current = first.corkable;
    const batch = new WriteBatch(() => current);
    batch.sending(true);
    current = second.corkable;
    batch.sending(true);
    await nextMicrotask();
    expect(first.calls).toEqual(['cork', 'uncork']);
    expect(second.calls).toEqual([]);
  });

  it('leaves a client without one socket (a Cluster) alone', async () => {
    const batch = new WriteBatch(() => undefined);
    batch.sending(true);
    batch.sending(true);
    await expect(nextMicrotask()).resolves.toBeUndefined();
  });
});
