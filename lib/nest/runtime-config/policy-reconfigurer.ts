import { Inject, Injectable, Logger } from '@nestjs/common';
import { ResilienceEvents } from '../events/resilience-events.js';
import type { PolicySet, ResolvedPolicySet, ResolvedResilienceOptions } from '../options/index.js';
import type { NamedPolicyInstance } from '../policies/named-policy-instances.js';
import { NamedPolicyInstances } from '../policies/named-policy-instances.js';
import { withDefaults } from '../policies/resolve-policy-settings.js';
import { RESILIENCE_OPTIONS } from '../resilience.constants.js';
import { OptionChecker } from '../../core/index.js';
import { checkPolicyOptions } from '../policies/validate-policy-settings.js';
import { changedFields, mergePolicyChanges } from './merge-policy-changes.js';
import type { PolicyChange } from './policy-change.js';
import { validateChangedPolicy, validatePolicyChangeShape } from './validate-policy-changes.js';

/** What a policy's `reconfigure()` reports. */
interface ReconfigureOutcome {
  restarted?: boolean;
}

/**
 * Changes a named policy while the app runs: validates the change with the start-up
 * rules, applies it to every live instance that follows the policy (their own overrides
 * keep winning), records `runtime` as the source, and announces it (event + log line).
 */
@Injectable()
export class PolicyReconfigurer {
  private readonly logger = new Logger('Resilience');

  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly instances: NamedPolicyInstances,
    private readonly events: ResilienceEvents,
  ) {}

  has(name: string): boolean {
    return Object.hasOwn(this.options.policies, name);
  }

  /** @throws ResilienceConfigError (nothing changes) for an invalid change or unknown name. */
  apply(name: string, changes: PolicySet, origin: PolicyChange['origin'] = 'local'): PolicyChange {
    validatePolicyChangeShape(name, changes, this.options);
    const previous = this.options.policies[name];
    const current = mergePolicyChanges(previous, changes);
    validateChangedPolicy(name, current, this.options);
    const following = this.instances.following(name);
    const updates = following.map((instance) => this.effectiveOptions(instance, current));
    checkEveryInstance(following, updates);
    const restarted = following
      .filter((instance, i) => this.reconfigure(instance, updates[i]).restarted)
      .map((instance) => instance.name);
    this.options.policies[name] = current;
    for (const field of changedFields(changes))
      this.options.sources[`policies.${name}.${field}`] = 'runtime';
    const change: PolicyChange = { name, previous, current, changes, restarted, origin };
    this.announce(change, changes);
    return change;
  }

  /**
   * The complete options of one live instance after the change: the policy's settings, the
   * method's own overrides, then defaults. Breakers and limiters keep their name; the
   * per-call `key` and `shared` choices are fixed when the instance is built.
   */
  private effectiveOptions(instance: NamedPolicyInstance, current: ResolvedPolicySet): object {
    const configured = { ...(current[instance.kind] as object), ...instance.overrides };
    const {
      key: _key,
      shared: _shared,
      ...options
    } = withDefaults(instance.kind, configured, this.options) as Record<string, unknown>;
    const named = instance.kind === 'circuitBreaker' || instance.kind === 'rateLimit';
    return named ? { ...options, name: instance.name } : options;
  }

  private reconfigure(instance: NamedPolicyInstance, options: object): ReconfigureOutcome {
    const target = instance.target as {
      reconfigure?: (options: object) => ReconfigureOutcome | void;
    };
    return target.reconfigure?.(options) ?? {};
  }

  private announce(change: PolicyChange, changes: PolicySet): void {
    this.events.emit('policy.reconfigured', change);
    const described = changedFields(changes).map((field) => {
      const [kind, key] = field.split('.') as [keyof ResolvedPolicySet, string];
      const before = (change.previous[kind] as Record<string, unknown> | undefined)?.[key];
      const after = (change.current[kind] as Record<string, unknown>)[key];
      return `${field} ${JSON.stringify(before)} -> ${JSON.stringify(after)}`;
    });
    const restarts = change.restarted.length ? `; restarted ${change.restarted.join(', ')}` : '';
    this.logger.log(
      `Policy "${change.name}" reconfigured (${change.origin}): ${described.join(', ')}${restarts}`,
    );
  }
}

/** All or nothing: every live instance must accept its new options before any changes. */
function checkEveryInstance(instances: NamedPolicyInstance[], updates: object[]): void {
  const checker = new OptionChecker('', 'runtime');
  instances.forEach((instance, i) =>
    checkPolicyOptions(instance.kind, updates[i], checker.child(instance.name)),
  );
  checker.throwIfInvalid();
}
