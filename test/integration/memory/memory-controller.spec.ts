import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import {
  Fallback,
  MEMORY_PRESSURE_SOURCE,
  MEMORY_READER,
  MemoryControllerService,
  ResilienceModule,
  ResilienceService,
  type CleanupReport,
  type MemoryReader,
  type ResilienceModuleOptions,
} from 'nestjs-bulwark';
import { eventually } from '../../fixtures/eventually.js';

const CHECK = 'nestjs-bulwark:memory-check';
const GB = 1024 ** 3;

/** The test double for where memory readings come from: pressure set by the test. */
class ScriptedMemory implements MemoryReader {
  heapPercent = 10;
  read() {
    return {
      heapUsedBytes: (this.heapPercent / 100) * 2 * GB,
      heapLimitBytes: 2 * GB,
      rssBytes: 0.5 * GB,
      systemTotalBytes: 16 * GB,
    };
  }
}

@Injectable()
class Prices {
  @Fallback({ layers: [{ type: 'cache' }], cache: { ttlMs: 1, staleTtlMs: 1 } })
  async price(sku: string): Promise<number> {
    return sku.length;
  }
}

async function start(memory: ResilienceModuleOptions['memory'], reader = new ScriptedMemory()) {
  @Module({
    imports: [ResilienceModule.forRoot({ configFile: false, memory })],
    providers: [Prices],
  })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(MEMORY_READER)
    .useValue(reader)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return { app, reader };
}
describe('MemoryControllerService in an app', () => {
  let app: INestApplication;

  afterEach(async () => app?.close());

  it('checks on its schedule and, under critical pressure, cleans the package caches and yours in priority order', async () => {
    const started = await start({ checkIntervalMs: 20 });
    app = started.app;
    const memory = app.get(MemoryControllerService);
    const ran: string[] = [];
    memory.registerCleanable({
      name: 'first',
      priority: 1,
      cleanup: (level) => void ran.push(`first:${level}`),
    });
    memory.registerCleanable({
      name: 'later',
      priority: 50,
      cleanup: (level) => void ran.push(`later:${level}`),
    });
    memory.registerCleanable({
      name: 'last resort',
      priority: 60,
      minLevel: 'emergency',
      cleanup: () => void ran.push('last resort'),
    });
    const prices = app.get(Prices);
    for (const sku of ['a', 'bb', 'ccc']) await prices.price(sku);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const reports: CleanupReport[] = [];
    app.get(ResilienceService).on('memory.cleanup', (report) => reports.push(report));

    started.reader.heapPercent = 90;
    await eventually(() => reports.length > 0);

    const [report] = reports;
    expect(report).toMatchObject({ level: 'critical', trigger: 'check' });
    expect(report.ran.map((run) => run.name)).toEqual([
      'first',
      'fallback caches',
      'prediction history',
      'later',
    ]);
    expect(report.ran[1].freed).toBe(3);
    expect(ran).toEqual(['first:critical', 'later:critical']);
    expect(memory.getMemoryStats()).toMatchObject({
      level: 'critical',
      heapUsedPercent: 90,
      lastCleanup: report,
    });
  });

  it('reports pressure and cleanables in getMemoryStats, and to the health indicator', async () => {
    app = (await start({})).app;
    const stats = app.get(MemoryControllerService).getMemoryStats();
    expect(stats).toMatchObject({
      level: 'normal',
      heapUsedPercent: 10,
      rssPercent: expect.closeTo(3.125, 5),
      thresholds: { warningPercent: 70, criticalPercent: 85, emergencyPercent: 95 },
    });
    expect(stats.cleanables.map((c) => c.name)).toEqual(['fallback caches', 'prediction history']);
    const health = app.get<{ getMemoryStats(): { pressureLevel: string } }>(
      MEMORY_PRESSURE_SOURCE,
      {
        strict: false,
      },
    );
    expect(health.getMemoryStats()).toMatchObject({ level: 'normal', pressureLevel: 'normal' });
  });

  it('cleans up on demand at the level asked', async () => {
    app = (await start({})).app;
    const memory = app.get(MemoryControllerService);
    const levels: string[] = [];
    memory.registerCleanable({
      name: 'probe',
      priority: 1,
      minLevel: 'emergency',
      cleanup: (level) => void levels.push(level),
    });
    expect((await memory.manualCleanup('standard')).ran.map((run) => run.name)).not.toContain(
      'probe',
    );
    const report = await memory.manualCleanup('emergency');
    expect(report).toMatchObject({ level: 'emergency', trigger: 'manual' });
    expect(levels).toEqual(['emergency']);
  });

  it('removes its schedule on close, and has none when memory.enabled is false', async () => {
    app = (await start({ checkIntervalMs: 60_000 })).app;
    const scheduler = app.get(SchedulerRegistry);
    expect(scheduler.getIntervals()).toContain(CHECK);
    await app.close();
    expect(scheduler.getIntervals()).not.toContain(CHECK);
    app = (await start({ enabled: false })).app;
    expect(app.get(SchedulerRegistry).getIntervals()).not.toContain(CHECK);
  });
});
