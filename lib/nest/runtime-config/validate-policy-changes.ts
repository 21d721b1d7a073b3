import { DEFAULT_POLICY_ORDER, OptionChecker, type PolicyKind } from '../../core/index.js';
import { checkPolicySets } from '../options/policy-set.validator.js';
import type { ResolvedPolicySet, ResolvedResilienceOptions } from '../options/index.js';

const RUNTIME = {
  describe: () => 'runtime',
  precedence: () => Number.MAX_SAFE_INTEGER,
};

/**
 * Checks the shape of a runtime change: an object of policy kinds the named policy
 * already has (adding a kind needs a restart: pipelines are built at start-up), each an
 * object of options. Throws one `ResilienceConfigError`; nothing changes.
 */
export function validatePolicyChangeShape(
  name: string,
  changes: unknown,
  options: ResolvedResilienceOptions,
): void {
  const checker = new OptionChecker('', 'runtime');
  const configured = options.policies[name] as Record<string, unknown> | undefined;
  if (!configured) {
    checker.fail(`policies.${name}`, 'no policy of that name is configured');
  } else if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    checker.fail(`policies.${name}`, 'the change must be an object of policy kinds');
  } else {
    for (const [kind, value] of Object.entries(changes)) {
      checkChangedKind(checker.child(`policies.${name}`), kind, value, configured);
    }
  }
  checker.throwIfInvalid();
}

/** Checks the policy as it would be after the change, with the start-up rules. */
export function validateChangedPolicy(
  name: string,
  merged: ResolvedPolicySet,
  options: ResolvedResilienceOptions,
): void {
  const checker = new OptionChecker('', 'runtime');
  checkPolicySets(checker, options.defaults, { [name]: merged }, RUNTIME);
  checker.throwIfInvalid();
}

function checkChangedKind(
  checker: OptionChecker,
  kind: string,
  value: unknown,
  configured: Record<string, unknown>,
): void {
  const isTimeoutMs = kind === 'timeout' && typeof value === 'number';
  if (!isTimeoutMs && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    checker.fail(kind, 'must be an object of options');
  }
  if (configured[kind] === undefined && DEFAULT_POLICY_ORDER.includes(kind as PolicyKind)) {
    checker.fail(
      kind,
      'cannot be added at runtime: the policy has none (restart with it configured)',
    );
  }
}
