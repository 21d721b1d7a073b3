import { createHook } from 'node:async_hooks';
import { ConsecutiveBreaker, circuitBreaker, handleAll } from 'cockatiel';
import CircuitBreaker from 'opossum';
import { describeError } from '../harness/describe-error.js';
import { progress } from '../harness/progress.js';
import { rotate } from '../harness/rotation.js';
import { type MeasuredRound, toContenderRuns, withRatios } from '../harness/stats.js';
import { settleHeap } from '../harness/timing.js';
import type { BenchError } from '../harness/types.js';
import type { BenchGroup } from './group.js';

interface BreakerFactory {
  create(name: string): unknown;
  dispose?(breaker: unknown): void;
}

interface MemoryContender {
  name: string;
  description: string;
  load(): Promise<BreakerFactory>;
}

const action = async (): Promise<number> => 1;

const contenders: MemoryContender[] = [
  {
    name: 'bulwark',
    description: 'createCircuitBreaker({ name })',
    load: async () => {
      const { createCircuitBreaker } = await import('nestjs-bulwark');
      return { create: (name) => createCircuitBreaker({ name }) };
    },
  },
  {
    name: 'opossum',
    description: 'new CircuitBreaker(action, { name }), default options',
    load: async () => ({
      create: (name) => new CircuitBreaker(action, { name }),
      dispose: (breaker) => (breaker as CircuitBreaker).shutdown(),
    }),
  },
  {
    name: 'cockatiel',
    description: 'circuitBreaker(handleAll, { ConsecutiveBreaker(5) }) (takes no name)',
    load: async () => ({
      create: () =>
        circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) }),
    }),
  },
];

interface Measurement {
  bytesPerBreaker: number;
  createMs: number;
}

function measure(factory: BreakerFactory, names: readonly string[]): Measurement {
  // Allocated before the first reading so that only the breakers themselves are counted.
  const breakers: unknown[] = new Array<unknown>(names.length).fill(null);
  settleHeap();
  const before = process.memoryUsage().heapUsed;
  const start = process.hrtime.bigint();
  for (let i = 0; i < names.length; i++) breakers[i] = factory.create(names[i]);
  const createMs = Number(process.hrtime.bigint() - start) / 1e6;
  settleHeap();
  const bytesPerBreaker = (process.memoryUsage().heapUsed - before) / names.length;
  if (factory.dispose) for (const breaker of breakers) factory.dispose(breaker);
  return { bytesPerBreaker, createMs };
}

/** Timers (including unref'd ones) created per idle breaker. */
function timersPerBreaker(factory: BreakerFactory, count = 100): number {
  let timers = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === 'Timeout') timers++;
    },
  });
  const breakers: unknown[] = [];
  hook.enable();
  for (let i = 0; i < count; i++) breakers.push(factory.create(`probe-${i}`));
  hook.disable();
  if (factory.dispose) for (const breaker of breakers) factory.dispose(breaker);
  return timers / count;
}

export const memoryGroup: BenchGroup = {
  name: 'memory',
  async run(config) {
    const { rounds, breakers: count } = config.memory;
    const errors: BenchError[] = [];
    const names = Array.from({ length: count }, (_, i) => `breaker-${i}`);
    const factories = new Map<string, BreakerFactory>();
    const timers = new Map<string, number>();
    for (const contender of contenders) {
      try {
        const factory = await contender.load();
        measure(factory, names.slice(0, 1_000)); // JIT warm-up: the first round would pay for compiling
        timers.set(contender.name, timersPerBreaker(factory));
        factories.set(contender.name, factory);
      } catch (error) {
        errors.push({ group: 'memory', contender: contender.name, message: describeError(error) });
      }
    }

    const measured = new Map<string, MeasuredRound[]>([...factories.keys()].map((n) => [n, []]));
    for (let round = 0; round < rounds; round++) {
      for (const name of rotate([...factories.keys()], round)) {
        const { bytesPerBreaker, createMs } = measure(factories.get(name)!, names);
        measured.get(name)!.push({ value: bytesPerBreaker, extra: { createMs } });
      }
      progress('memory', `round ${round + 1}/${rounds}`);
    }

    const describe = new Map(contenders.map((c) => [c.name, c.description]));
    return {
      name: 'memory',
      description: `Heap per idle circuit breaker: heap delta after creating ${count} breakers, after full GCs.`,
      metric: 'bytesPerBreaker',
      baseline: 'cockatiel',
      ratioMeaning: 'bytes per breaker ÷ cockatiel’s in the same round (lower is better)',
      settings: { rounds, breakersPerRound: count },
      contenders: toContenderRuns(withRatios(measured, 'cockatiel'), (name) => ({
        description: describe.get(name)!,
        settings: { timersPerBreaker: timers.get(name)! },
      })),
      errors,
    };
  },
};
