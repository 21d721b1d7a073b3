import { TestClock } from '../../../lib/core/clock/index.js';
import {
  MemoryController,
  type Cleanable,
  type CleanupLevel,
  type MemoryReader,
} from '../../../lib/core/memory/index.js';

const GB = 1024 ** 3;

/** A memory reader scripted by the test: heap and RSS as percentages of their limits. */
class ScriptedMemory implements MemoryReader {
  heapPercent = 10;
  rssPercent = 10;
  read() {
    return {
      heapUsedBytes: (this.heapPercent / 100) * 4 * GB,
      heapLimitBytes: 4 * GB,
      rssBytes: (this.rssPercent / 100) * 16 * GB,
      systemTotalBytes: 16 * GB,
    };
  }
}

function setup() {
  const memory = new ScriptedMemory();
  const ran: string[] = [];
  let gcRuns = 0;
  const clock = new TestClock(5_000);
  const controller = new MemoryController({ reader: memory, gc: () => gcRuns++, clock });
  const cleanable = (name: string, priority: number, minLevel?: CleanupLevel): Cleanable => ({
    name,
    priority,
    minLevel,
    cleanup: (level) => {
      ran.push(`${name}:${level}`);
      return priority;
    },
  });
  controller.register(cleanable('buffers', 30, 'critical'));
  controller.register(cleanable('caches', 10));
  controller.register(cleanable('histories', 20));
  controller.register(cleanable('everything', 40, 'emergency'));
  return { memory, controller, ran, gcRuns: () => gcRuns };
}

describe('memory controller with a scripted memory reader', () => {
  it.each([
    [69, 'normal', []],
    [70, 'warning', ['caches:standard', 'histories:standard']],
    [85, 'critical', ['caches:critical', 'histories:critical', 'buffers:critical']],
    [
      95,
      'emergency',
      ['caches:emergency', 'histories:emergency', 'buffers:emergency', 'everything:emergency'],
    ],
  ])(
    'at %s %% heap it is %s and runs the right cleanables in priority order',
    async (percent, level, expected) => {
      const { memory, controller, ran, gcRuns } = setup();
      memory.heapPercent = percent;
      expect(controller.stats().level).toBe(level);
      const report = await controller.check();
      expect(ran).toEqual(expected);
      expect(report?.ran.map((run) => `${run.name}:${report.level}`) ?? []).toEqual(expected);
      expect(gcRuns()).toBe(expected.length > 0 ? 1 : 0);
    },
  );

  it('judges RSS against the memory available as well, the higher of the two counting', async () => {
    const { memory, controller, ran } = setup();
    memory.rssPercent = 90;
    const stats = controller.stats();
    expect(stats).toMatchObject({ level: 'critical', heapUsedPercent: 10, rssPercent: 90 });
    await controller.check();
    expect(ran).toEqual(['caches:critical', 'histories:critical', 'buffers:critical']);
  });

  it('reports a cleanable that throws and still runs the others', async () => {
    const { controller, ran } = setup();
    controller.register({
      name: 'broken',
      priority: 15,
      cleanup: () => {
        throw new Error('cannot free');
      },
    });
    const report = await controller.cleanup('standard');
    expect(ran).toEqual(['caches:standard', 'histories:standard']);
    expect(report.ran.map((run) => run.name)).toEqual(['caches', 'broken', 'histories']);
    expect(report.ran[1].error).toBe('cannot free');
  });

  it('cleans up on demand at any pressure, and keeps the last report in its stats', async () => {
    const { controller, ran } = setup();
    const report = await controller.cleanup('critical');
    expect(ran).toEqual(['caches:critical', 'histories:critical', 'buffers:critical']);
    expect(report).toMatchObject({ level: 'critical', trigger: 'manual', gcRan: true, at: 5_000 });
    expect(controller.stats().lastCleanup).toBe(report);
  });

  it('replaces a cleanable registered again under its name, and removes it when asked', async () => {
    const { controller, ran } = setup();
    const remove = controller.register({
      name: 'caches',
      priority: 50,
      cleanup: () => ran.push('new caches'),
    });
    await controller.cleanup('standard');
    expect(ran).toEqual(['histories:standard', 'new caches']);
    remove();
    expect(controller.stats().cleanables.map((c) => c.name)).toEqual([
      'histories',
      'buffers',
      'everything',
    ]);
  });

  it('joins a cleanup already running instead of starting a second', async () => {
    const { controller } = setup();
    let release!: () => void;
    let runs = 0;
    controller.register({
      name: 'slow',
      priority: 1,
      cleanup: () => {
        runs++;
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = controller.cleanup('standard');
    const second = controller.cleanup('emergency');
    await Promise.resolve();
    release();
    expect(await second).toBe(await first);
    expect(runs).toBe(1);
  });

  it('lists cleanables with their sizes', () => {
    const controller = new MemoryController({ reader: new ScriptedMemory() });
    controller.register({ name: 'cache', priority: 1, cleanup: () => 0, size: () => 42 });
    expect(controller.stats().cleanables).toEqual([
      { name: 'cache', priority: 1, minLevel: 'standard', size: 42 },
    ]);
  });
});
