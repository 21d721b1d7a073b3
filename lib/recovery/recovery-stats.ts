import { RECOVERY_STRATEGIES, type RecoveryStrategyName } from '../core/classification/index.js';
import type { LearnedEntry } from './learning/strategy-record.js';

/** How one strategy has done, over every service and category. */
export interface RecoveryStrategyStats {
  attempts: number;
  successes: number;
  /** 0–1 (0 before the first attempt). */
  successRate: number;
  /** Of the successful runs (0 before the first success). */
  averageRecoveryTimeMs: number;
}

/** `RecoveryService.stats()`. */
export interface RecoveryStats {
  totalRecoveries: number;
  /** Share of recoveries that succeeded, 0–1. */
  successRate: number;
  averageRecoveryTimeMs: number;
  /** How many circuit breakers are open now. */
  openBreakers: number;
  /** Per strategy that has run at least once. */
  strategies: Partial<Record<RecoveryStrategyName, RecoveryStrategyStats>>;
}

/** Sums the learned tables per strategy. */
export function strategyEffectiveness(
  entries: readonly LearnedEntry[],
): RecoveryStats['strategies'] {
  const result: RecoveryStats['strategies'] = {};
  for (const name of RECOVERY_STRATEGIES) {
    let successes = 0;
    let failures = 0;
    let durationMs = 0;
    for (const entry of entries) {
      const record = entry.strategies[name];
      successes += record?.successes ?? 0;
      failures += record?.failures ?? 0;
      durationMs += record?.successDurationMs ?? 0;
    }
    const attempts = successes + failures;
    if (attempts === 0) continue;
    result[name] = {
      attempts,
      successes,
      successRate: successes / attempts,
      averageRecoveryTimeMs: successes === 0 ? 0 : durationMs / successes,
    };
  }
  return result;
}
