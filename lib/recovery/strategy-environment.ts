import type { Clock } from '../core/clock/index.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import type { StrategyEnvironment } from './strategies/standard-strategies.js';
import type { SelfHealingHooks } from './strategies/self-healing.js';
import type { RecoveryBreakers } from './recovery-breakers.js';

/** What the built-in strategies get from the app. */
export interface StrategyParts {
  options: ResolvedResilienceOptions;
  clock: Clock;
  random: () => number;
  hooks: SelfHealingHooks;
  breakers: RecoveryBreakers;
  restoreCheckpoint: (id: string) => Promise<unknown>;
  memoryCleanup: () => (() => Promise<unknown>) | undefined;
}

/** The strategies' settings from the module options: `defaults.retry`, `defaults.timeout`, `recovery`. */
export function strategyEnvironment(parts: StrategyParts): StrategyEnvironment {
  const { retry, timeout } = parts.options.defaults;
  return {
    clock: parts.clock,
    random: parts.random,
    hooks: parts.hooks,
    retry,
    breakerFor: (serviceId) => parts.breakers.forService(serviceId),
    restoreCheckpoint: parts.restoreCheckpoint,
    memoryCleanup: parts.memoryCleanup,
    timeoutMultiplier: parts.options.recovery.recoveryTimeoutMultiplier,
    defaultTimeoutMs: timeout.ms,
    baseDelayMs: retry.baseDelayMs,
    maxDelayMs: retry.maxDelayMs,
  };
}
