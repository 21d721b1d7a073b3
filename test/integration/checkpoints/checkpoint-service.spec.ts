import type { INestApplication } from '@nestjs/common';
import {
  CheckpointService,
  CheckpointStateError,
  ResilienceConfigError,
  type TestClock,
} from 'nestjs-bulwark';
import { recoveryApp } from '../recovery/recovery-app.js';

describe('CheckpointService (memory store)', () => {
  let app: INestApplication;
  let clock: TestClock;
  let checkpoints: CheckpointService;

  beforeEach(async () => {
    ({ app, clock } = await recoveryApp());
    checkpoints = app.get(CheckpointService);
  });
  afterEach(() => app.close());

  it('saves, restores, lists and deletes', async () => {
    const state = { offset: 4_000, files: ['a.csv', 'b.csv'], done: false, note: null };
    await checkpoints.save('import:1', state);
    await clock.advance(10);
    await checkpoints.save('import:2', { offset: 0 }, { ttlMs: 60_000 });
    expect(await checkpoints.restore('import:1')).toEqual(state);
    expect(await checkpoints.list()).toEqual([
      { id: 'import:1', savedAt: 1_000_000, expiresAt: 1_000_000 + 86_400_000 },
      { id: 'import:2', savedAt: 1_000_010, expiresAt: 1_060_010 },
    ]);
    expect(await checkpoints.delete('import:1')).toBe(true);
    expect(await checkpoints.delete('import:1')).toBe(false);
    expect(await checkpoints.restore('import:1')).toBeUndefined();
    expect((await checkpoints.list()).map((c) => c.id)).toEqual(['import:2']);
  });

  it('restores a copy: changing the original after saving changes nothing', async () => {
    const state = { items: [1, 2] };
    await checkpoints.save('c', state);
    state.items.push(3);
    expect(await checkpoints.restore('c')).toEqual({ items: [1, 2] });
  });

  it('forgets a checkpoint once its TTL has passed; unknown ids restore undefined', async () => {
    await checkpoints.save('short', { step: 1 }, { ttlMs: 1_000 });
    await clock.advance(999);
    expect(await checkpoints.restore('short')).toEqual({ step: 1 });
    await clock.advance(1);
    expect(await checkpoints.restore('short')).toBeUndefined();
    expect(await checkpoints.list()).toEqual([]);
    expect(await checkpoints.restore('never-saved')).toBeUndefined();
  });

  it.each([
    ['a function', { onDone: () => 1 }, 'state.onDone is a function'],
    ['a Date', { at: new Date(0) }, 'state.at is a Date, not a plain object'],
    ['a Map', { seen: new Map() }, 'state.seen is a Map'],
    ['NaN', { ratio: Number.NaN }, 'state.ratio is NaN'],
    ['a bigint', { big: BigInt(1) }, 'state.big is a bigint'],
    ['undefined in an array', { list: [1, undefined] }, 'state.list[1] is undefined'],
  ])('refuses state with %s, naming where', async (_what, state, message) => {
    const error = await checkpoints.save('bad', state).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointStateError);
    expect((error as Error).message).toContain(message);
    expect(await checkpoints.restore('bad')).toBeUndefined();
  });

  it('refuses a cycle and a bad id or ttl', async () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    await expect(checkpoints.save('cyclic', cyclic)).rejects.toThrow(
      /state.self refers back to itself/,
    );
    await expect(checkpoints.save('', {})).rejects.toThrow(ResilienceConfigError);
    await expect(checkpoints.save('x', {}, { ttlMs: -1 })).rejects.toThrow(/ttlMs/);
  });

  it('allows an undefined property (absent after the trip)', async () => {
    await checkpoints.save('opt', { a: 1, b: undefined });
    expect(await checkpoints.restore('opt')).toEqual({ a: 1 });
  });
});
