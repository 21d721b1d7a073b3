import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { startRedisServer, type RedisServer } from '../../test/support/redis-server.js';
import type { BenchConfig } from '../config.js';
import { progress } from '../harness/progress.js';
import { runTimedContenders } from '../harness/timed-contenders.js';
import type { BenchError, ContenderRun, GroupRun } from '../harness/types.js';
import type { BenchGroup } from './group.js';
import { flexibleIsAllowed, timedLimiter, type LimiterContender } from './limiter-contender.js';

type Algorithm = 'sliding-window' | 'fixed-window' | 'token-bucket';

/** Every build gets its own keys, so the limit check and the timed run do not meet. */
let builds = 0;

function bulwark(server: () => RedisServer, algorithm: Algorithm): LimiterContender {
  return {
    name: `bulwark ${algorithm}`,
    description: `createRateLimiter({ algorithm: '${algorithm}' }, redisStore.rateLimits).consume(key)`,
    build: async (limit, windowMs) => {
      const { connectRedisStore, createRateLimiter } = await import('nestjs-bulwark');
      const store = await connectRedisStore({ url: server().url, keyPrefix: `b${++builds}:` });
      await store.whenReady(5_000);
      const limiter = createRateLimiter({ algorithm, limit, windowMs }, store.rateLimits);
      return {
        consume: (key) => limiter.consume(key),
        isAllowed: async (key) => (await limiter.consume(key)).allowed,
        dispose: () => store.close(),
      };
    },
  };
}

function flexible(server: () => RedisServer): LimiterContender {
  return {
    name: 'rate-limiter-flexible',
    description: 'new RateLimiterRedis({ storeClient: ioredis, points, duration }).consume(key)',
    build: async (limit, windowMs) => {
      // The maintainer's advice for ioredis: no offline queue.
      const client = new Redis(server().url, { enableOfflineQueue: false });
      await new Promise((resolve) => client.once('ready', resolve));
      const limiter = new RateLimiterRedis({
        storeClient: client,
        points: limit,
        duration: windowMs / 1000,
        keyPrefix: `f${++builds}`,
      });
      return {
        consume: (key) => limiter.consume(key),
        isAllowed: flexibleIsAllowed((key) => limiter.consume(key)),
        dispose: async () => void (await client.quit()),
      };
    },
  };
}

/** Time per decision: a timed operation of `inFlight` decisions counts as that many. */
function perDecision(runs: Record<string, ContenderRun>, inFlight: number): void {
  for (const run of Object.values(runs)) {
    run.rounds = run.rounds.map((round) => ({ ...round, value: round.value / inFlight }));
  }
}

function redisGroup(name: string, inFlight: number): BenchGroup {
  return {
    name,
    async run(config: BenchConfig): Promise<GroupRun> {
      const settings = config.rateLimitRedis;
      const server = await startRedisServer();
      const errors: BenchError[] = [];
      try {
        const algorithms: Algorithm[] = ['sliding-window', 'fixed-window', 'token-bucket'];
        const contenders = [
          ...algorithms.map((a) => bulwark(() => server, a)),
          flexible(() => server),
        ];
        const ops = inFlight === 1 ? settings.opsPerSample : settings.batchesPerSample;
        const results = await runTimedContenders(
          contenders.map((contender) => timedLimiter(contender, settings, inFlight)),
          {
            group: name,
            baseline: 'rate-limiter-flexible',
            rounds: settings.rounds,
            sampleSize: { kind: 'fixed', warmupOps: Math.ceil(ops / 2), ops },
            onRound: (round) => progress(name, `round ${round}/${settings.rounds}`),
          },
          errors,
        );
        perDecision(results, inFlight);
        const mode =
          inFlight === 1 ? 'awaited one after the other' : `${inFlight} in flight at once`;
        return {
          name,
          description:
            `Rate-limit decisions in Redis (redis-server on loopback, one connection per ` +
            `contender), ${mode}, keys spread over ${settings.users} users; limit ` +
            `${settings.limit} per ${settings.windowMs} ms, so every decision is "allowed".`,
          metric: 'nsPerOp',
          baseline: 'rate-limiter-flexible',
          ratioMeaning:
            'time per decision ÷ rate-limiter-flexible’s in the same round (lower is better)',
          settings: { ...settings, inFlight },
          contenders: results,
          errors,
        };
      } finally {
        await server.stop();
      }
    },
  };
}

export const rateLimitRedisGroup = redisGroup('rate-limit-redis', 1);
export const rateLimitRedisInFlightGroup = redisGroup('rate-limit-redis-100', 100);
