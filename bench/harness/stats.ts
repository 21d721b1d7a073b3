import type { ContenderRun, RoundSample } from './types.js';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of the rounds' ratios, or null when the baseline did not run. */
export function medianRatio(rounds: readonly RoundSample[]): number | null {
  const ratios = rounds.map((round) => round.ratio).filter((ratio) => ratio !== null);
  return ratios.length === 0 ? null : median(ratios);
}

export interface MeasuredRound {
  value: number;
  extra?: Record<string, number>;
}

/**
 * Turns each contender's rounds into samples with a ratio to the baseline's figure of the
 * same round: neighbours in time share the machine's state, so per-round ratios are steadier
 * than a ratio of medians.
 */
export function withRatios(
  measured: ReadonlyMap<string, MeasuredRound[]>,
  baseline: string,
): Map<string, RoundSample[]> {
  const baselineRounds = measured.get(baseline);
  const result = new Map<string, RoundSample[]>();
  for (const [name, rounds] of measured) {
    result.set(
      name,
      rounds.map((round, index) => {
        const reference = baselineRounds?.[index]?.value;
        const ratio = reference ? round.value / reference : null;
        return { value: round.value, ratio, ...(round.extra ? { extra: round.extra } : {}) };
      }),
    );
  }
  return result;
}

export function toContenderRuns(
  samples: ReadonlyMap<string, RoundSample[]>,
  describe: (name: string) => Pick<ContenderRun, 'description' | 'settings'>,
): Record<string, ContenderRun> {
  const runs: Record<string, ContenderRun> = {};
  for (const [name, rounds] of samples) runs[name] = { ...describe(name), rounds };
  return runs;
}

/** Two significant digits: calibrated op counts read better and vary less between runs. */
export function roundToTwoDigits(value: number): number {
  if (value < 100) return Math.max(1, Math.round(value));
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}
