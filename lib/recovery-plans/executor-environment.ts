import type { Clock } from '../core/clock/index.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import type { RecoveryDependencies } from '../recovery/dependencies/recovery-dependencies.js';
import type { RecoveryBreakers } from '../recovery/recovery-breakers.js';
import type { ExecutorEnvironment } from './execute-plan.js';
import type { RecoveryActions } from './recovery-actions.js';

/** What plans act on and read, from the app's providers. */
export function executorEnvironment(
  options: ResolvedResilienceOptions,
  clock: Clock,
  actions: RecoveryActions,
  breakers: RecoveryBreakers,
  dependencies: RecoveryDependencies,
): ExecutorEnvironment {
  return {
    clock,
    actions,
    graph: dependencies,
    get healthChecked() {
      return dependencies.checked;
    },
    findBreaker: (name) => breakers.find(name),
    breakerState: (name) => breakers.find(name)?.state,
    timeoutMultiplier: options.recovery.recoveryTimeoutMultiplier,
  };
}
