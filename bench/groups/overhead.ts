import {
  ConsecutiveBreaker,
  TimeoutStrategy,
  circuitBreaker,
  handleAll,
  retry,
  timeout,
  wrap,
} from 'cockatiel';
import CircuitBreaker from 'opossum';
import type { TimedContender } from '../harness/timed-contenders.js';
import { calibratedGroup } from './calibrated-group.js';
import type { BenchGroup } from './group.js';

const task = async (): Promise<number> => 1;

// The same policy settings for everyone: 3 attempts in all, 1 s timeout, 5 consecutive failures.
const TIMEOUT_MS = 1_000;
const FAILURE_THRESHOLD = 5;

const contenders: TimedContender[] = [
  {
    name: 'raw call',
    description: 'await (async () => 1)()',
    prepare: async () => ({ run: () => task() }),
  },
  {
    name: 'bulwark breaker',
    description: 'createCircuitBreaker({ failureThreshold: 5 }).execute(fn)',
    prepare: async () => {
      const { createCircuitBreaker } = await import('nestjs-bulwark');
      const breaker = createCircuitBreaker({ failureThreshold: FAILURE_THRESHOLD });
      return { run: () => breaker.execute(task) };
    },
  },
  {
    name: 'bulwark retry+breaker+timeout',
    description: 'compose(createRetry, createCircuitBreaker, createTimeout(1000)).execute(fn)',
    prepare: async () => {
      const { compose, createCircuitBreaker, createRetry, createTimeout } =
        await import('nestjs-bulwark');
      const pipeline = compose(
        createRetry({ maxAttempts: 3 }),
        createCircuitBreaker({ failureThreshold: FAILURE_THRESHOLD }),
        createTimeout({ ms: TIMEOUT_MS }),
      );
      return { run: () => pipeline.execute(task) };
    },
  },
  {
    name: 'opossum fire (timeout: false)',
    description: 'new CircuitBreaker(fn, { timeout: false }).fire()',
    prepare: async () => {
      const breaker = new CircuitBreaker(task, { timeout: false });
      return { run: () => breaker.fire(), dispose: () => breaker.shutdown() };
    },
  },
  {
    name: 'opossum fire (default timeout)',
    description: 'new CircuitBreaker(fn).fire(), its default 10 s timeout per call',
    prepare: async () => {
      const breaker = new CircuitBreaker(task);
      return { run: () => breaker.fire(), dispose: () => breaker.shutdown() };
    },
  },
  {
    name: 'cockatiel breaker',
    description: 'circuitBreaker(handleAll, ConsecutiveBreaker(5)).execute(fn)',
    prepare: async () => {
      const breaker = cockatielBreaker();
      return { run: () => breaker.execute(task) };
    },
  },
  {
    name: 'cockatiel retry+breaker+timeout',
    description: 'wrap(retry(maxAttempts: 2), circuitBreaker, timeout(1000, Aggressive))',
    prepare: async () => {
      const policy = wrap(
        retry(handleAll, { maxAttempts: 2 }),
        cockatielBreaker(),
        timeout(TIMEOUT_MS, TimeoutStrategy.Aggressive),
      );
      return { run: () => policy.execute(task) };
    },
  },
  {
    name: 'nestjs-resilience retry+breaker+timeout',
    description: 'ResilienceCommand([Timeout(1000), CircuitBreaker, Retry(maxRetries: 2)])',
    prepare: prepareNestjsResilience,
  },
];

function cockatielBreaker() {
  return circuitBreaker(handleAll, {
    halfOpenAfter: 10_000,
    breaker: new ConsecutiveBreaker(FAILURE_THRESHOLD),
  });
}

async function prepareNestjsResilience() {
  const resilience = await import('nestjs-resilience');
  const { Logger } = await import('@nestjs/common');
  // It logs every call at debug level; production apps run Nest's logger without debug.
  Logger.overrideLogger(['error', 'warn']);
  // Strategies wrap in list order, so the last one is outermost: retry(breaker(timeout(fn))).
  class TaskCommand extends resilience.ResilienceCommand {
    constructor() {
      super([
        new resilience.TimeoutStrategy(TIMEOUT_MS),
        new resilience.CircuitBreakerStrategy(),
        new resilience.RetryStrategy({ maxRetries: 2 }),
      ]);
    }
    run(): Promise<number> {
      return task();
    }
  }
  const command = new TaskCommand();
  return { run: () => command.execute() };
}

export const overheadGroup: BenchGroup = calibratedGroup({
  name: 'overhead',
  description: 'Per-call cost on the success path: sequential awaited calls of async () => 1.',
  baseline: 'raw call',
  ratioMeaning: 'time per call ÷ the raw call’s in the same round (lower is better)',
  contenders,
});
