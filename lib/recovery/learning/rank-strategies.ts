import type { RecoveryStrategyName } from '../../core/classification/index.js';
import { betaSample } from './beta-sample.js';
import { averageDurationMs, type StrategyTable } from './strategy-record.js';

/**
 * How much recovery time weighs against success: at most this much is taken off a sampled
 * success probability, for the slowest candidate. Small on purpose: time only decides
 * between strategies whose success rates are close.
 */
const TIME_WEIGHT = 0.05;

/** Pseudo-successes granted to the classifier's suggestion before anything is learned. */
const SUGGESTION_PRIOR = 1;

/**
 * Orders candidate strategies by Thompson sampling: each draws a success probability from
 * Beta(1 + successes, 1 + failures) (the suggestion gets a head start), minus a small
 * penalty proportional to its average recovery time relative to the slowest candidate.
 * The best draw goes first; strategies that are rarely good are still tried now and then.
 */
export function rankStrategies(
  candidates: readonly RecoveryStrategyName[],
  table: StrategyTable,
  random: () => number,
  suggested?: RecoveryStrategyName,
): RecoveryStrategyName[] {
  const slowest = Math.max(0, ...candidates.map((name) => averageDurationMs(table[name]) ?? 0));
  const scored = candidates.map((name) => {
    const record = table[name];
    const prior = name === suggested ? SUGGESTION_PRIOR : 0;
    const alpha = 1 + prior + (record?.successes ?? 0);
    const beta = 1 + (record?.failures ?? 0);
    const time = slowest > 0 ? (averageDurationMs(record) ?? slowest) / slowest : 0;
    return { name, score: betaSample(alpha, beta, random) - TIME_WEIGHT * time };
  });
  return scored.sort((a, b) => b.score - a.score).map((entry) => entry.name);
}
