import { describeError } from './describe-error.js';
import { rotate } from './rotation.js';
import { type MeasuredRound, toContenderRuns, withRatios } from './stats.js';
import { type Operation, clearYoungGeneration, timeOps, warmUpAndCalibrate } from './timing.js';
import type { BenchError, ContenderRun } from './types.js';

export interface PreparedOperation {
  run: Operation;
  dispose?: () => void | Promise<void>;
}

export interface TimedContender {
  name: string;
  description: string;
  /** Builds the operation; a throw here (or in its first call) records the contender as failed. */
  prepare(): Promise<PreparedOperation>;
}

/** Either calibrated per contender during warm-up, or the same fixed count for everyone. */
export type SampleSize =
  | { kind: 'calibrated'; warmupMs: number; targetMs: number }
  | { kind: 'fixed'; warmupOps: number; ops: number };

export interface TimedRunOptions {
  group: string;
  baseline: string;
  rounds: number;
  sampleSize: SampleSize;
  /** Called after every round, for progress output. */
  onRound?: (round: number) => void;
}

interface ActiveContender {
  contender: TimedContender;
  prepared: PreparedOperation;
  ops: number;
  rounds: MeasuredRound[];
}

/**
 * Times every contender in rotated order, round after round, and returns nanoseconds per call
 * with per-round ratios to the baseline. Failing contenders land in `errors`, not in a crash.
 */
export async function runTimedContenders(
  contenders: readonly TimedContender[],
  options: TimedRunOptions,
  errors: BenchError[],
): Promise<Record<string, ContenderRun>> {
  const fail = (contender: TimedContender, error: unknown): void => {
    errors.push({ group: options.group, contender: contender.name, message: describeError(error) });
  };

  let active: ActiveContender[] = [];
  for (const contender of contenders) {
    try {
      const prepared = await contender.prepare();
      await prepared.run();
      active.push({ contender, prepared, ops: 0, rounds: [] });
    } catch (error) {
      fail(contender, error);
    }
  }

  for (const entry of [...active]) {
    try {
      entry.ops = await warmUp(entry.prepared.run, options.sampleSize);
    } catch (error) {
      fail(entry.contender, error);
      active = active.filter((other) => other !== entry);
    }
  }

  for (let round = 0; round < options.rounds; round++) {
    for (const entry of rotate(active, round)) {
      clearYoungGeneration();
      try {
        entry.rounds.push({ value: await timeOps(entry.prepared.run, entry.ops) });
      } catch (error) {
        fail(entry.contender, error);
        active = active.filter((other) => other !== entry);
      }
    }
    options.onRound?.(round + 1);
  }

  for (const entry of active) await entry.prepared.dispose?.();

  const measured = new Map(active.map((entry) => [entry.contender.name, entry.rounds]));
  const byName = new Map(active.map((entry) => [entry.contender.name, entry]));
  return toContenderRuns(withRatios(measured, options.baseline), (name) => ({
    description: byName.get(name)!.contender.description,
    settings: { opsPerSample: byName.get(name)!.ops },
  }));
}

async function warmUp(run: Operation, size: SampleSize): Promise<number> {
  if (size.kind === 'calibrated') return warmUpAndCalibrate(run, size.warmupMs, size.targetMs);
  await timeOps(run, size.warmupOps);
  return size.ops;
}
