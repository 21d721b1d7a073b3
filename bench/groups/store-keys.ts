import { createHook } from 'node:async_hooks';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { describeError } from '../harness/describe-error.js';
import { progress } from '../harness/progress.js';
import { toContenderRuns, withRatios, type MeasuredRound } from '../harness/stats.js';
import { settleHeap } from '../harness/timing.js';
import type { BenchError } from '../harness/types.js';
import type { BenchGroup } from './group.js';

const WINDOW_MS = 60_000;
const LIMIT = 10;

interface KeyStore {
  consume(key: string): Promise<unknown>;
  dispose?(): void | Promise<void>;
}

interface KeyStoreContender {
  name: string;
  description: string;
  create(): Promise<KeyStore>;
}

const contenders: KeyStoreContender[] = [
  {
    name: 'bulwark memory store',
    description: `createRateLimiter({ algorithm: 'fixed-window', limit: ${LIMIT}, windowMs: 60000 }).consume(key)`,
    create: async () => {
      const { createRateLimiter } = await import('nestjs-bulwark');
      const limiter = createRateLimiter({
        algorithm: 'fixed-window',
        limit: LIMIT,
        windowMs: WINDOW_MS,
      });
      return { consume: (key) => limiter.consume(key), dispose: () => limiter.close() };
    },
  },
  {
    name: 'rate-limiter-flexible',
    description: `new RateLimiterMemory({ points: ${LIMIT}, duration: 60 }).consume(key)`,
    create: async () => {
      const limiter = new RateLimiterMemory({ points: LIMIT, duration: WINDOW_MS / 1000 });
      return { consume: (key) => limiter.consume(key) };
    },
  },
  {
    name: '@nestjs/throttler storage',
    description: `new ThrottlerStorageService().increment(key, 60000, ${LIMIT}, 0, name)`,
    create: async () => {
      const storage = new ThrottlerStorageService();
      return {
        consume: (key) => storage.increment(key, WINDOW_MS, LIMIT, 0, 'default'),
        dispose: () => storage.onApplicationShutdown(),
      };
    },
  },
];

interface KeyMeasurement {
  bytesPerKey: number;
  timersPerKey: number;
  fillMs: number;
}

/** Heap and timers taken by `keys` distinct keys, each consumed once. */
async function measure(store: KeyStore, keys: readonly string[]): Promise<KeyMeasurement> {
  let timers = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === 'Timeout') timers++;
    },
  });
  settleHeap();
  const before = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  hook.enable();
  for (const key of keys) await store.consume(key);
  hook.disable();
  const fillMs = Number(process.hrtime.bigint() - start) / 1e6;
  settleHeap();
  const bytesPerKey = (process.memoryUsage().heapUsed - before) / keys.length;
  return { bytesPerKey, timersPerKey: timers / keys.length, fillMs };
}

export const storeKeysGroup: BenchGroup = {
  name: 'store-keys',
  async run(config) {
    const { keys: count } = config.storeKeys;
    const errors: BenchError[] = [];
    const keys = Array.from({ length: count }, (_, i) => `user-${i}`);
    const measured = new Map<string, MeasuredRound[]>();
    for (const contender of contenders) {
      try {
        const store = await contender.create();
        const { bytesPerKey, timersPerKey, fillMs } = await measure(store, keys);
        measured.set(contender.name, [{ value: bytesPerKey, extra: { timersPerKey, fillMs } }]);
        await store.dispose?.();
      } catch (error) {
        errors.push({
          group: 'store-keys',
          contender: contender.name,
          message: describeError(error),
        });
      }
      progress('store-keys', `${contender.name} done`);
    }
    const describe = new Map(contenders.map((c) => [c.name, c.description]));
    return {
      name: 'store-keys',
      description: `Memory rate limiting with ${count.toLocaleString('en-US')} distinct keys, one decision each: heap per key after full GCs, and timers created per key.`,
      metric: 'bytesPerKey',
      baseline: 'rate-limiter-flexible',
      ratioMeaning: 'bytes per key ÷ rate-limiter-flexible’s (lower is better)',
      settings: { keys: count, limit: LIMIT, windowMs: WINDOW_MS },
      contenders: toContenderRuns(withRatios(measured, 'rate-limiter-flexible'), (name) => ({
        description: describe.get(name)!,
      })),
      errors,
    };
  },
};
