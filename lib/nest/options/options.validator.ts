import type { ConfigIssue } from '../../core/errors/index.js';
import { OptionChecker } from '../../core/validation/index.js';
import {
  CAPABILITY_GROUP_NAMES,
  checkCapabilitySettings,
} from './capability-settings.validator.js';
import { checkDependenciesOption } from '../../health/validation/check-dependencies-option.js';
import { checkKnownKeys } from './known-keys.js';
import { checkAdmin, checkHttp } from './module-settings.validator.js';
import { checkStore } from './store-options.validator.js';
import type { SourceLookup } from './option-conflicts.js';
import { checkOrder, checkPolicySets } from './policy-set.validator.js';
import { checkProtectedPaths } from './protected-paths.validator.js';

/** The option names `forRoot` accepts, besides `configFile` (read before merging). */
export const MODULE_OPTION_KEYS: readonly string[] = [
  'defaults',
  'policies',
  'order',
  'protectedPaths',
  'store',
  'admin',
  'http',
  'dependencies',
  ...CAPABILITY_GROUP_NAMES,
];

/**
 * Every issue of the merged options; the caller adds each issue's source. Nothing
 * stops at the first problem: one start-up shows them all.
 */
export function validateMergedOptions(
  values: Record<string, unknown>,
  sources: SourceLookup,
): ConfigIssue[] {
  const checker = new OptionChecker();
  checkKnownKeys(checker, values, MODULE_OPTION_KEYS);
  checkPolicySets(checker, values.defaults, values.policies, sources);
  checkOrder(checker, values.order);
  checkProtectedPaths(checker, values.protectedPaths, values.policies);
  checkStore(checker, values.store, sources);
  checkAdmin(checker, values.admin, sources);
  checkHttp(checker, values.http, sources);
  checkCapabilitySettings(checker, values, sources);
  checkDependenciesOption(checker, values.dependencies, values.healthChecking);
  return checker.issues;
}
