import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import type { TimedContender } from '../harness/timed-contenders.js';
import { calibratedGroup } from './calibrated-group.js';
import type { BenchGroup } from './group.js';

interface Decorated {
  call(): Promise<number>;
}

/**
 * An app context whose provider method carries @Retry, @CircuitBreaker and @Timeout (the
 * overhead group's pipeline, through the Nest layer), with the metrics on or off.
 */
async function decoratedPipeline(metricsEnabled: boolean) {
  const { Injectable, Module } = await import('@nestjs/common');
  const { NestFactory } = await import('@nestjs/core');
  const { Registry } = await import('prom-client');
  const { CircuitBreaker, ResilienceModule, Retry, Timeout } = await import('nestjs-bulwark');

  @Injectable()
  class Pipeline implements Decorated {
    @Retry({ maxAttempts: 3 })
    @CircuitBreaker({ name: 'bench', failureThreshold: 5 })
    @Timeout(1_000)
    async call(): Promise<number> {
      return 1;
    }
  }

  @Module({
    imports: [
      ResilienceModule.forRoot({
        configFile: false,
        metrics: { enabled: metricsEnabled, registry: new Registry() },
      }),
    ],
    providers: [Pipeline],
  })
  class BenchModule {}

  const app: INestApplicationContext = await NestFactory.createApplicationContext(BenchModule, {
    logger: false,
  });
  await app.init();
  const pipeline = app.get(Pipeline);
  return { run: () => pipeline.call(), dispose: () => app.close() };
}

const contenders: TimedContender[] = [
  {
    name: 'pipeline, metrics off',
    description: '@Retry @CircuitBreaker @Timeout on a provider method, metrics.enabled: false',
    prepare: () => decoratedPipeline(false),
  },
  {
    name: 'pipeline, metrics on',
    description: 'the same, metrics.enabled: true (counters and latency histogram per call)',
    prepare: () => decoratedPipeline(true),
  },
];

export const metricsGroup: BenchGroup = calibratedGroup({
  name: 'metrics',
  description:
    'Cost of the Prometheus metrics on the hot path: sequential awaited calls of a decorated provider method, metrics off and on. Goal: on ≤ 1.10× off.',
  baseline: 'pipeline, metrics off',
  ratioMeaning: 'time per call ÷ the same pipeline’s with metrics off, in the same round',
  contenders,
});
