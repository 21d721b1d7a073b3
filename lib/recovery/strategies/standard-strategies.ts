import { CheckpointRestoreStrategy } from './checkpoint-restore.strategy.js';
import { CircuitBreakStrategy, type ServiceBreaker } from './circuit-break.strategy.js';
import { fallbackStrategy, transactionRollbackStrategy } from './context-function.strategies.js';
import { ExponentialBackoffStrategy } from './exponential-backoff.strategy.js';
import type { RecoveryStrategy } from './recovery-strategy.js';
import { RetryStrategy } from './retry.strategy.js';
import type { RecoveryRetrySettings } from './retry-settings.js';
import { SelfHealStrategy, type SelfHealEnvironment } from './self-heal.strategy.js';

/** What the seven built-in strategies need. */
export interface StrategyEnvironment extends SelfHealEnvironment {
  readonly retry: RecoveryRetrySettings;
  readonly random: () => number;
  readonly breakerFor: (serviceId: string) => ServiceBreaker;
  readonly restoreCheckpoint: (id: string) => Promise<unknown>;
}

/** The built-in strategies: retry, exponential backoff, circuit break, checkpoint restore,
 * transaction rollback, self-heal and fallback. */
export function standardStrategies(env: StrategyEnvironment): RecoveryStrategy[] {
  return [
    new RetryStrategy(env.retry),
    new ExponentialBackoffStrategy(env.retry, env.clock, env.random),
    new CircuitBreakStrategy(env.breakerFor),
    new CheckpointRestoreStrategy(env.restoreCheckpoint),
    transactionRollbackStrategy(),
    new SelfHealStrategy(env),
    fallbackStrategy(),
  ];
}
