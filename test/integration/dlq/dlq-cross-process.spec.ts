import { Redis } from 'ioredis';
import { DeadLetterQueue } from '../../../lib/dlq/queue/index.js';
import { RedisStore } from '../../../lib/store/index.js';
import { compileLibForChildren } from '../../support/compile-lib.js';
import { describeWithRedis } from '../../support/redis-binary.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import type { ChildWorker } from '../../support/child-worker.js';
import { startDlqChild, startedIn } from './dlq-child.js';

const waitFor = async (check: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
};

describeWithRedis('Dead letters across processes on one redis-server', () => {
  let server: RedisServer;
  let client: Redis;
  let libDir: string;
  let children: ChildWorker[] = [];
  let run = 0;
  let keyPrefix: string;
  let queue: DeadLetterQueue;
  let store: RedisStore;

  beforeAll(async () => {
    server = await startRedisServer();
    client = new Redis(server.url, { maxRetriesPerRequest: 0 });
    libDir = compileLibForChildren();
  }, 30_000);
  beforeEach(() => {
    keyPrefix = `dlq-fleet-${++run}:`;
    store = new RedisStore(client, { keyPrefix });
    queue = new DeadLetterQueue(store.deadLetters, {
      visibilityTimeoutMs: 30_000,
      maxRetries: 3,
      unhandledDelayMs: 60_000,
    });
  });
  afterEach(async () => {
    await Promise.all(children.map((child) => child.stop()));
    children = [];
    await store.close();
  });
  afterAll(async () => {
    await client.quit();
    await server.stop();
  });

  async function child(options: {
    visibilityTimeoutMs: number;
    hang?: boolean;
  }): Promise<ChildWorker> {
    const started = await startDlqChild(libDir);
    children.push(started);
    await started.request('connect', { url: server.url, keyPrefix, ...options });
    return started;
  }

  async function addJobs(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++)
      ids.push(await queue.add({ type: 'job', payload: { i } }, 'first failure'));
    return ids;
  }

  it('a batch claimed by a process killed mid-handler is finished by another after the timeout', async () => {
    const ids = await addJobs(20);
    const doomed = await child({ visibilityTimeoutMs: 1_000, hang: true });
    void doomed.request('processBatch', { size: 20 }).catch(() => undefined);
    await waitFor(() => startedIn(doomed).length === 1, 'the first handler to start');
    await doomed.kill();
    expect((await queue.stats()).byStatus).toMatchObject({ processing: 20, pending: 0 });

    const survivor = await child({ visibilityTimeoutMs: 1_000 });
    expect(await survivor.request<string[]>('drain', { size: 50, startAt: 0 })).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_050));
    const handled = await survivor.request<string[]>('drain', { size: 50, startAt: 0 });
    expect([...handled].sort()).toEqual([...ids].sort());
    const stats = await queue.stats();
    expect(stats.byStatus).toEqual({ pending: 0, processing: 0, succeeded: 20, exhausted: 0 });
    expect(stats.total).toBe(20);
  }, 20_000);

  it('two processes draining 1,000 messages at once handle each exactly once', async () => {
    const ids = await addJobs(1_000);
    const workers = await Promise.all([
      child({ visibilityTimeoutMs: 30_000 }),
      child({ visibilityTimeoutMs: 30_000 }),
    ]);
    const startAt = Date.now() + 200;
    const handled = await Promise.all(
      workers.map((w) => w.request<string[]>('drain', { size: 25, startAt })),
    );
    const started = workers.flatMap(startedIn);
    expect(started).toHaveLength(1_000);
    expect(new Set(started).size).toBe(1_000);
    expect([...handled.flat()].sort()).toEqual([...ids].sort());
    expect(handled.every((list) => list.length > 0)).toBe(true);
    expect((await queue.stats()).byStatus.succeeded).toBe(1_000);
  }, 30_000);
});
