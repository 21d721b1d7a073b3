import 'reflect-metadata';
import { progress } from '../harness/progress.js';
import { type TimedContender, runTimedContenders } from '../harness/timed-contenders.js';
import type { BenchError } from '../harness/types.js';
import type { BenchGroup } from './group.js';

const task = async (): Promise<number> => 1;

// The overhead group's pipeline: 3 attempts in all, 5 consecutive failures, 1 s timeout.
const MAX_ATTEMPTS = 3;
const FAILURE_THRESHOLD = 5;
const TIMEOUT_MS = 1_000;

interface Decorated {
  call(): Promise<number>;
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
      const { compose, createCircuitBreaker, createRetry, createTimeout } =
        await import('nestjs-bulwark');
      const pipeline = compose(
        createRetry({ maxAttempts: MAX_ATTEMPTS }),
        createCircuitBreaker({ failureThreshold: FAILURE_THRESHOLD }),
        createTimeout({ ms: TIMEOUT_MS }),
      );
      return { run: () => pipeline.execute(task) };
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
    name: 'ResilienceService.execute',
    description:
      'the same policies built by the same kind of app, with its observers (metrics, prediction, monitoring), run programmatically',
    prepare: prepareServiceExecute,
  },
];

export const decoratedGroup: BenchGroup = {
  name: 'decorated',
  async run(config) {
    const errors: BenchError[] = [];
    const { rounds, warmupMs, sampleMs } = config.decorated;
    const results = await runTimedContenders(
      contenders,
      {
        group: 'decorated',
        baseline: 'programmatic pipeline',
        rounds,
        sampleSize: { kind: 'calibrated', warmupMs, targetMs: sampleMs },
        onRound: (round) => progress('decorated', `round ${round}/${rounds}`),
      },
      errors,
    );
    return {
      name: 'decorated',
      description:
        'The Nest layer’s cost: the same retry + breaker + timeout called programmatically and as decorators on a provider method, sequential awaited calls of async () => 1. Goal: decorated ≤ 1.2× programmatic.',
      metric: 'nsPerOp',
      baseline: 'programmatic pipeline',
      ratioMeaning:
        'time per call ÷ the programmatic pipeline’s in the same round (lower is better)',
      settings: { rounds, warmupMs, targetSampleMs: sampleMs },
      contenders: results,
      errors,
    };
  },
};
