import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { progress } from '../harness/progress.js';
import { runTimedContenders } from '../harness/timed-contenders.js';
import type { BenchError } from '../harness/types.js';
import type { BenchGroup } from './group.js';
import { flexibleIsAllowed, timedLimiter, type LimiterContender } from './limiter-contender.js';

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
        isAllowed: flexibleIsAllowed((key) => limiter.consume(key)),
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

export const rateLimitGroup: BenchGroup = {
  name: 'rate-limit',
  async run(config) {
    const settings = config.rateLimit;
    const errors: BenchError[] = [];
    const results = await runTimedContenders(
      limiters.map((contender) => timedLimiter(contender, settings)),
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
