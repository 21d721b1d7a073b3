/**
 * Sizes of every group; `BENCH_QUICK=1` shrinks them to a smoke run. Many short rounds rather
 * than a few long ones: on a shared 2-core machine noise comes in bursts, and a burst then
 * spoils one short sample instead of a long one, while per-round ratios pair neighbours in time.
 */
export interface BenchConfig {
  quick: boolean;
  /** Child processes per group whose rounds are pooled (JIT luck differs between processes). */
  processes: Record<string, number>;
  groupTimeoutMs: number;
  overhead: { rounds: number; warmupMs: number; sampleMs: number };
  /** The decorated pipeline with metrics off and on. */
  metrics: { rounds: number; warmupMs: number; sampleMs: number };
  /** The same pipeline programmatic and as decorators on a provider method. */
  decorated: { rounds: number; warmupMs: number; sampleMs: number };
  memory: { rounds: number; breakers: number };
  /** Distinct keys held by in-memory rate limiters. */
  storeKeys: { keys: number };
  rateLimit: {
    rounds: number;
    warmupOps: number;
    opsPerSample: number;
    users: number;
    limit: number;
    windowMs: number;
  };
  http: { rounds: number; durationSec: number; warmupSec: number; connections: number };
  /** Decisions in Redis: `opsPerSample` awaited one by one, or `batchesPerSample` × 100 in flight. */
  rateLimitRedis: {
    rounds: number;
    opsPerSample: number;
    batchesPerSample: number;
    users: number;
    limit: number;
    windowMs: number;
  };
}

const full: BenchConfig = {
  quick: false,
  processes: {
    overhead: 2,
    memory: 1,
    'rate-limit': 2,
    // An app's JIT and heap layout move its routes' ratio by ±3 % from one process to the next.
    http: 4,
    metrics: 2,
    decorated: 2,
    'rate-limit-redis': 2,
    'rate-limit-redis-100': 2,
  },
  groupTimeoutMs: 180_000,
  overhead: { rounds: 30, warmupMs: 400, sampleMs: 25 },
  metrics: { rounds: 30, warmupMs: 400, sampleMs: 25 },
  decorated: { rounds: 30, warmupMs: 400, sampleMs: 25 },
  memory: { rounds: 5, breakers: 10_000 },
  storeKeys: { keys: 1_000_000 },
  rateLimit: {
    rounds: 16,
    warmupOps: 20_000,
    opsPerSample: 25_000,
    users: 1_000,
    limit: 1_000_000,
    windowMs: 60_000,
  },
  http: { rounds: 4, durationSec: 2, warmupSec: 1, connections: 10 },
  rateLimitRedis: {
    rounds: 10,
    opsPerSample: 4_000,
    batchesPerSample: 200,
    users: 1_000,
    limit: 1_000_000,
    windowMs: 60_000,
  },
};

const quick: BenchConfig = {
  quick: true,
  processes: { overhead: 1, memory: 1, 'rate-limit': 1, http: 1, metrics: 1, decorated: 1 },
  groupTimeoutMs: 60_000,
  overhead: { rounds: 5, warmupMs: 60, sampleMs: 10 },
  metrics: { rounds: 5, warmupMs: 60, sampleMs: 10 },
  decorated: { rounds: 5, warmupMs: 60, sampleMs: 10 },
  memory: { rounds: 2, breakers: 10_000 },
  storeKeys: { keys: 100_000 },
  rateLimit: { ...full.rateLimit, rounds: 3, warmupOps: 5_000, opsPerSample: 10_000 },
  http: { rounds: 2, durationSec: 1, warmupSec: 0.5, connections: 10 },
  rateLimitRedis: { ...full.rateLimitRedis, rounds: 2, opsPerSample: 1_000, batchesPerSample: 40 },
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  return env.BENCH_QUICK === '1' ? quick : full;
}
