import 'reflect-metadata';
import type { TimedContender } from '../harness/timed-contenders.js';
import { calibratedGroup } from './calibrated-group.js';
import type { BenchGroup } from './group.js';

const task = async (): Promise<number> => 1;
const taskWith = async (n: number): Promise<number> => n;

// The overhead group's pipeline: 3 attempts in all, 5 consecutive failures, 1 s timeout.
const MAX_ATTEMPTS = 3;
const FAILURE_THRESHOLD = 5;
const TIMEOUT_MS = 1_000;

interface Decorated {
  call(): Promise<number>;
  callWith(n: number): Promise<number>;
}

/**
 * The same policies as decorators on a provider method, in an app context built with
 * `ResilienceModule.forRoot` (its defaults: metrics, monitoring and events on), called
 * directly on the injected service as another provider would.
 */
/** Module options that turn off the observers that time every call (monitoring stays). */
const TIMING_OBSERVERS_OFF = { metrics: { enabled: false }, predictive: { enabled: false } };

async function prepareDecorated(moduleOptions: object = {}) {
  const { Injectable, Module } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  const { CircuitBreaker, ResilienceModule, ResilienceService, Retry, Timeout } =
    await import('nestjs-bulwark');

  @Injectable()
  class Service implements Decorated {
    @Retry({ maxAttempts: MAX_ATTEMPTS })
    @CircuitBreaker({ failureThreshold: FAILURE_THRESHOLD })
    @Timeout(TIMEOUT_MS)
    async call(): Promise<number> {
      return 1;
    }

    @Retry({ maxAttempts: MAX_ATTEMPTS })
    @CircuitBreaker({ failureThreshold: FAILURE_THRESHOLD })
    @Timeout(TIMEOUT_MS)
    async callWith(n: number): Promise<number> {
      return n;
    }
  }

  @Module({ imports: [ResilienceModule.forRoot(moduleOptions)], providers: [Service] })
  class DecoratedModule {}

  const app = await NestFactory.createApplicationContext(DecoratedModule, { logger: ['error'] });
  await app.init();
  return { app, service: app.get(Service), resilience: app.get(ResilienceService) };
}

async function prepareDecoratedMethod(moduleOptions: object = {}) {
  const { app, service } = await prepareDecorated(moduleOptions);
  return { run: () => service.call(), dispose: () => app.close() };
}

/** A method with an argument: the wrapper copies it, and each call needs its own closure. */
async function prepareDecoratedMethodWithArgument() {
  const { app, service } = await prepareDecorated(TIMING_OBSERVERS_OFF);
  let n = 0;
  return { run: () => service.callWith(n++), dispose: () => app.close() };
}

async function programmaticPipeline() {
  const { compose, createCircuitBreaker, createRetry, createTimeout } =
    await import('nestjs-bulwark');
  return compose(
    createRetry({ maxAttempts: MAX_ATTEMPTS }),
    createCircuitBreaker({ failureThreshold: FAILURE_THRESHOLD }),
    createTimeout({ ms: TIMEOUT_MS }),
  );
}

/**
 * The same policies built by the same app, run through `ResilienceService.execute`: they
 * have the app's observers (metrics, prediction, monitoring), which the programmatic
 * pipeline has not, so this separates their cost from the decorator's.
 */
async function prepareServiceExecute() {
  const { app, resilience } = await prepareDecorated();
  const policies = {
    retry: { maxAttempts: MAX_ATTEMPTS },
    circuitBreaker: { failureThreshold: FAILURE_THRESHOLD },
    timeout: { ms: TIMEOUT_MS },
  };
  return { run: () => resilience.execute('bench', task, policies), dispose: () => app.close() };
}

const contenders: TimedContender[] = [
  {
    name: 'raw call',
    description: 'await (async () => 1)()',
    prepare: async () => ({ run: () => task() }),
  },
  {
    name: 'programmatic pipeline',
    description: 'compose(createRetry, createCircuitBreaker, createTimeout(1000)).execute(fn)',
    prepare: async () => {
      const pipeline = await programmaticPipeline();
      return { run: () => pipeline.execute(task) };
    },
  },
  {
    name: 'programmatic pipeline, one argument',
    description: 'the same, calling a function of one argument: execute(() => fn(n))',
    prepare: async () => {
      const pipeline = await programmaticPipeline();
      let n = 0;
      return { run: () => pipeline.execute(() => taskWith(n++)) };
    },
  },
  {
    name: 'decorated provider method',
    description:
      '@Retry @CircuitBreaker @Timeout(1000) on a provider method, ResilienceModule.forRoot({}), called on the injected service',
    prepare: () => prepareDecoratedMethod(),
  },
  {
    name: 'decorated provider method, metrics and prediction off',
    description:
      'the same with metrics and prediction disabled (they time every call): the decorator’s own cost',
    prepare: () => prepareDecoratedMethod(TIMING_OBSERVERS_OFF),
  },
  {
    name: 'decorated provider method, one argument, metrics and prediction off',
    description:
      'the same decorators on async (n) => n, called with an argument: compare with the programmatic pipeline with one argument',
    prepare: prepareDecoratedMethodWithArgument,
  },
  {
    name: 'ResilienceService.execute',
    description:
      'the same policies built by the same kind of app, with its observers (metrics, prediction, monitoring), run programmatically',
    prepare: prepareServiceExecute,
  },
];

export const decoratedGroup: BenchGroup = calibratedGroup({
  name: 'decorated',
  description:
    'The Nest layer’s cost: the same retry + breaker + timeout called programmatically and as decorators on a provider method, sequential awaited calls of async () => 1. Goal: decorated ≤ 1.2× programmatic.',
  baseline: 'programmatic pipeline',
  ratioMeaning: 'time per call ÷ the programmatic pipeline’s in the same round (lower is better)',
  contenders,
});
