import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  CircuitBreaker,
  PREDICTOR_SAMPLER,
  PredictorService,
  ResilienceModule,
  type MetricSampler,
} from 'nestjs-bulwark';
import { eventually } from '../../fixtures/eventually.js';

@Injectable()
class Inventory {
  @CircuitBreaker({ name: 'inventory', failureThreshold: 10 })
  async reserve(fail: boolean): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (fail) throw new Error('inventory down');
    return 'reserved';
  }
}

@Module({
  imports: [
    ResilienceModule.forRoot({
      configFile: false,
      predictive: { enabled: true, sampleIntervalMs: 3_600_000 },
    }),
  ],
  providers: [Inventory],
})
class AppModule {}

const percent = expect.any(Number);

describe('the default sampler on this machine', () => {
  it('samples the host, the process and the breakers with real values', async () => {
    const app = (
      await Test.createTestingModule({ imports: [AppModule] }).compile()
    ).createNestApplication({
      logger: false,
    });
    await app.init();
    try {
      const sampler = app.get<MetricSampler>(PREDICTOR_SAMPLER);
      const inventory = app.get(Inventory);
      await inventory.reserve(false);
      await expect(inventory.reserve(true)).rejects.toThrow('inventory down');
      const first = await sampler.sample(); // network throughput needs a previous reading
      expect(first['service.inventory.errorRatePercent']).toBe(50);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await inventory.reserve(false);
      const metrics = await sampler.sample();

      expect(metrics).toMatchObject({
        'system.cpuLoadPercent': percent,
        'system.memoryUsedPercent': percent,
        'system.diskUsedPercent': percent,
        'process.heapUsedPercent': percent,
        'process.rssPercent': percent,
        'process.eventLoopDelayMs': expect.any(Number),
        'service.inventory.errorRatePercent': 0,
      });
      for (const name of [
        'system.cpuLoadPercent',
        'system.memoryUsedPercent',
        'system.diskUsedPercent',
      ]) {
        expect(metrics[name]).toBeGreaterThanOrEqual(0);
        expect(metrics[name]).toBeLessThanOrEqual(100);
      }
      expect(metrics['process.heapUsedPercent']).toBeGreaterThan(0);
      expect(metrics['process.heapUsedPercent']).toBeLessThan(100);
      expect(metrics['process.rssMb']).toBeGreaterThan(10);
      expect(metrics['process.heapUsedMb']).toBeGreaterThan(1);
      expect(metrics['process.eventLoopDelayMs']).toBeGreaterThan(0);
      expect(metrics['process.eventLoopDelayP99Ms']).toBeGreaterThanOrEqual(
        metrics['process.eventLoopDelayMs'] * 0.5,
      );
      expect(metrics['system.networkRxBytesPerSec']).toBeGreaterThanOrEqual(0);
      expect(metrics['system.openConnections']).toBeGreaterThanOrEqual(0);
      expect(metrics['service.inventory.latencyMs']).toBeGreaterThanOrEqual(4);
      for (const value of Object.values(metrics)) expect(Number.isFinite(value)).toBe(true);

      // Each sample counts the breaker calls since the one before.
      const predictor = app.get(PredictorService);
      const taken = await predictor.sampleNow();
      expect(taken['service.inventory.errorRatePercent']).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('samples on its schedule and leaves nothing running after close', async () => {
    @Module({
      imports: [
        ResilienceModule.forRoot({
          configFile: false,
          predictive: { enabled: true, sampleIntervalMs: 25 },
        }),
      ],
    })
    class ScheduledModule {}
    const app = (
      await Test.createTestingModule({ imports: [ScheduledModule] }).compile()
    ).createNestApplication({
      logger: false,
    });
    await app.init();
    const predictor = app.get(PredictorService);
    await eventually(
      () => (predictor.getSamples()['process.heapUsedPercent']?.length ?? 0) >= 2,
      5_000,
    );
    await app.close();
    const taken = predictor.getSamples()['process.heapUsedPercent'].length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(predictor.getSamples()['process.heapUsedPercent'].length).toBe(taken);
  });
});
