import type { OptionChecker } from '../../core/validation/index.js';
import { checkDependencyList } from './check-dependency-list.js';

/**
 * The `dependencies` module option: a list of dependencies, checked like `register()`
 * checks them (fields, names unique, every `dependsOn` in the list, no cycle), against the
 * merged `healthChecking` defaults.
 */
export function checkDependenciesOption(
  checker: OptionChecker,
  dependencies: unknown,
  healthChecking: unknown,
): void {
  if (dependencies === undefined) return;
  if (!Array.isArray(dependencies)) {
    checker.fail('dependencies', 'must be a list of dependencies');
    return;
  }
  const group = (healthChecking ?? {}) as Record<string, unknown>;
  // An invalid default is reported on its own; NaN keeps it out of the timeout rule here.
  const numberOr = (value: unknown) => (typeof value === 'number' ? value : Number.NaN);
  checkDependencyList(checker, 'dependencies', dependencies, new Map(), {
    defaultTimeoutMs: numberOr(group.defaultTimeoutMs),
    defaultIntervalMs: numberOr(group.defaultIntervalMs),
  });
}
