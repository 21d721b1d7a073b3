import { ChildWorker } from '../../support/child-worker.js';
import { compileLibForChildren } from '../../support/compile-lib.js';
import { describeWithRedis } from '../../support/redis-binary.js';
import { startRedisCluster, type RedisCluster } from '../../support/redis-cluster.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';

type Connection = { url: string } | { cluster: string[] };

interface BreakerAnswer {
  outcome: 'ok' | 'failed' | 'rejected';
  state: string;
}

/** Two child processes of one fleet, each with its own connection to the same Redis. */
function crossProcessCases(connection: () => Connection): void {
  let workers: ChildWorker[] = [];
  let run = 0;

  beforeAll(async () => {
    const libDir = compileLibForChildren();
    workers = await Promise.all([ChildWorker.start(libDir), ChildWorker.start(libDir)]);
  }, 30_000);

  beforeEach(async () => {
    const keyPrefix = `fleet-${++run}:`;
    const ready = await Promise.all(
      workers.map((worker) =>
        worker.request('connect', { connection: { ...connection(), keyPrefix } }),
      ),
    );
    expect(ready).toEqual([true, true]);
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
  });

  it('allows exactly the shared limit: 2 processes × 200 concurrent calls, limit 100', async () => {
    const fireAt = Date.now() + 500;
    const counts = await Promise.all(
      workers.map((worker) =>
        worker.request<{ allowed: number; rejected: number }>('consume', {
          name: 'checkout',
          limit: 100,
          windowMs: 60_000,
          calls: 200,
          fireAt,
        }),
      ),
    );
    const allowed = counts.reduce((sum, count) => sum + count.allowed, 0);
    const rejected = counts.reduce((sum, count) => sum + count.rejected, 0);
    // However the two processes' calls interleave, the script decides each one alone.
    expect({ allowed, rejected }).toEqual({ allowed: 100, rejected: 300 });
  });

  it('shares a breaker: failures in process A open it, process B is rejected', async () => {
    const [a, b] = workers;
    const options = { failureThreshold: 3, recoveryTimeoutMs: 60_000 };
    const call = (worker: ChildWorker, fail: boolean) =>
      worker.request<BreakerAnswer>('breakerCall', { name: 'payments', options, fail });
    expect(await call(b, false)).toEqual({ outcome: 'ok', state: 'CLOSED' });
    for (let i = 0; i < 2; i++) expect((await call(a, true)).outcome).toBe('failed');
    expect(await call(b, false)).toEqual({ outcome: 'ok', state: 'CLOSED' });
    for (let i = 0; i < 3; i++) expect((await call(a, true)).outcome).toBe('failed');
    expect(await call(b, false)).toEqual({ outcome: 'rejected', state: 'OPEN' });
  });
}

describeWithRedis('Cross-process exactness on one redis-server', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(() => server.stop());
  crossProcessCases(() => ({ url: server.url }));
});

describeWithRedis(
  'Cross-process exactness on a three-master cluster',
  () => {
    let cluster: RedisCluster;
    beforeAll(async () => {
      cluster = await startRedisCluster();
    }, 30_000);
    afterAll(() => cluster.stop());
    crossProcessCases(() => ({ cluster: [...cluster.urls] }));
  },
  ['server', 'cli'],
);
