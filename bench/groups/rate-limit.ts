import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { progress } from '../harness/progress.js';
import { type TimedContender, runTimedContenders } from '../harness/timed-contenders.js';
import type { BenchError } from '../harness/types.js';
import type { BenchConfig } from '../config.js';
import type { BenchGroup } from './group.js';

type Settings = BenchConfig['rateLimit'];

/** A limiter under test, through its own API. */
interface Limiter {
  /** The call that is timed. */
  consume(key: string): Promise<unknown>;
  /** The same call, with its outcome read; only used to check that it limits at all. */
  isAllowed(key: string): Promise<boolean>;
  dispose?(): void;
}

interface LimiterContender {
  name: string;
  description: string;
  build(limit: number, windowMs: number): Promise<Limiter>;
}

function bulwark(algorithm: 'sliding-window' | 'fixed-window' | 'token-bucket'): LimiterContender {
  return {
    name: `bulwark ${algorithm}`,
    description: `createRateLimiter({ algorithm: '${algorithm}' }).consume(key)`,
    build: async (limit, windowMs) => {
      const { createRateLimiter } = await import('nestjs-bulwark');
      const limiter = createRateLimiter({ algorithm, limit, windowMs });
      return {
        consume: (key) => limiter.consume(key),
        isAllowed: async (key) => (await limiter.consume(key)).allowed,
      };
    },
  };
}

const limiters: LimiterContender[] = [
  bulwark('sliding-window'),
  bulwark('fixed-window'),
  bulwark('token-bucket'),
  {
    name: 'rate-limiter-flexible',
    description: 'new RateLimiterMemory({ points, duration }).consume(key)',
    build: async (limit, windowMs) => {
      const limiter = new RateLimiterMemory({ points: limit, duration: windowMs / 1000 });
      return {
        consume: (key) => limiter.consume(key),
        // It rejects with a RateLimiterRes (not an Error) when the key is over its limit.
        isAllowed: (key) =>
          limiter.consume(key).then(
            () => true,
            (rejection: unknown) => {
              if (rejection instanceof Error) throw rejection;
              return false;
            },
          ),
      };
    },
  },
  {
    name: '@nestjs/throttler storage',
    description: 'new ThrottlerStorageService().increment(key, ttl, limit, 0, name)',
    build: async (limit, windowMs) => {
      const storage = new ThrottlerStorageService();
      const increment = (key: string) => storage.increment(key, windowMs, limit, 0, 'default');
      return {
        consume: increment,
        isAllowed: async (key) => !(await increment(key)).isBlocked,
        dispose: () => storage.onApplicationShutdown(),
      };
    },
  },
];

/** A limiter that never says no would win for the wrong reason. */
async function checkItLimits(contender: LimiterContender, windowMs: number): Promise<void> {
  const limiter = await contender.build(3, windowMs);
  const outcomes: boolean[] = [];
  for (let call = 0; call < 4; call++) outcomes.push(await limiter.isAllowed('probe'));
  limiter.dispose?.();
  if (outcomes.join() !== 'true,true,true,false') {
    throw new Error(`with limit 3, four calls were allowed: ${outcomes.join(', ')}`);
  }
}

/** Cycles through the users so that every contender sees the same key sequence. */
function keyCycle(users: number): () => string {
  const keys = Array.from({ length: users }, (_, i) => `user-${i}`);
  let next = 0;
  return () => keys[next++ % users];
}

function timed(contender: LimiterContender, settings: Settings): TimedContender {
  return {
    name: contender.name,
    description: contender.description,
    prepare: async () => {
      await checkItLimits(contender, settings.windowMs);
      const limiter = await contender.build(settings.limit, settings.windowMs);
      const nextKey = keyCycle(settings.users);
      return { run: () => limiter.consume(nextKey()), dispose: limiter.dispose };
    },
  };
}

export const rateLimitGroup: BenchGroup = {
  name: 'rate-limit',
  async run(config) {
    const settings = config.rateLimit;
    const errors: BenchError[] = [];
    const results = await runTimedContenders(
      limiters.map((contender) => timed(contender, settings)),
      {
        group: 'rate-limit',
        baseline: 'rate-limiter-flexible',
        rounds: settings.rounds,
        // The same op count for everyone: hits pile up in the window, and some stores slow
        // down as they do, so every contender must have seen the same number of hits.
        sampleSize: { kind: 'fixed', warmupOps: settings.warmupOps, ops: settings.opsPerSample },
        onRound: (round) => progress('rate-limit', `round ${round}/${settings.rounds}`),
      },
      errors,
    );
    return {
      name: 'rate-limit',
      description:
        `In-memory rate-limit decisions, awaited one after the other, keys spread over ` +
        `${settings.users} users; limit ${settings.limit} per ${settings.windowMs} ms, ` +
        `high enough that every decision is "allowed" and every hit stays in the window.`,
      metric: 'nsPerOp',
      baseline: 'rate-limiter-flexible',
      ratioMeaning:
        'time per decision ÷ rate-limiter-flexible’s in the same round (lower is better)',
      settings: { ...settings },
      contenders: results,
      errors,
    };
  },
};
