import { digitsFor } from './figures.js';
import { median, medianRatio } from './stats.js';
import type { ContenderJson, GroupJson, GroupRun, Metric, RoundSample } from './types.js';

/** `nsPerOp` → `medianNsPerOp`: the name of a median in the JSON. */
export function medianKey(figure: Metric | string): string {
  return `median${figure[0].toUpperCase()}${figure.slice(1)}`;
}

/** Medians of the per-round side figures (p99 latency, creation time ...). */
function extraMedians(rounds: readonly RoundSample[]): Record<string, number> {
  const keys = new Set(rounds.flatMap((round) => Object.keys(round.extra ?? {})));
  const medians: Record<string, number> = {};
  for (const key of keys) {
    const middle = median(rounds.map((round) => round.extra?.[key] ?? NaN));
    medians[medianKey(key)] = roundTo(middle, digitsFor(key));
  }
  return medians;
}

export function toGroupJson(run: GroupRun): GroupJson {
  const contenders: Record<string, ContenderJson> = {};
  for (const [name, contender] of Object.entries(run.contenders)) {
    const middle = median(contender.rounds.map((round) => round.value));
    const ratio = medianRatio(contender.rounds);
    contenders[name] = {
      description: contender.description,
      [medianKey(run.metric)]: roundTo(middle, 1),
      ...extraMedians(contender.rounds),
      ...(run.metric === 'nsPerOp' ? { opsPerSec: Math.round(1e9 / middle) } : {}),
      ratioToBaseline: ratio === null ? null : roundTo(ratio, 3),
      rounds: contender.rounds.map((round) => ({
        [run.metric]: roundTo(round.value, 1),
        ratio: round.ratio === null ? null : roundTo(round.ratio, 3),
        ...roundAll(round.extra),
      })),
      ...contender.settings,
    };
  }
  const { description, metric, baseline, ratioMeaning, settings } = run;
  return { description, metric, baseline, ratioMeaning, settings, contenders };
}

function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function roundAll(figures: Record<string, number> | undefined): Record<string, number> {
  const rounded: Record<string, number> = {};
  for (const [key, value] of Object.entries(figures ?? {})) {
    rounded[key] = roundTo(value, digitsFor(key));
  }
  return rounded;
}
