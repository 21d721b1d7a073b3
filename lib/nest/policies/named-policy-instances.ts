import { Injectable } from '@nestjs/common';
import type { PolicyKind } from '../../core/index.js';
import type { ReconfigurablePolicy } from './layer.js';

/** A live instance that follows a named policy, with the method's own overrides. */
export interface NamedPolicyInstance {
  kind: PolicyKind;
  target: ReconfigurablePolicy;
  /** Settings the method set itself; they keep winning after a runtime change. */
  overrides: object;
  /** The instance's name (breakers, limiters and bulkheads keep it across changes). */
  name: string;
}

/**
 * Which live policy instances follow which named policy, so `ResilienceService.configure`
 * can change them in place. A shared instance is recorded once.
 */
@Injectable()
export class NamedPolicyInstances {
  private readonly byPolicy = new Map<string, Map<ReconfigurablePolicy, NamedPolicyInstance>>();

  track(policy: string, instance: NamedPolicyInstance): void {
    let instances = this.byPolicy.get(policy);
    if (!instances) this.byPolicy.set(policy, (instances = new Map()));
    if (!instances.has(instance.target)) instances.set(instance.target, instance);
  }

  following(policy: string): NamedPolicyInstance[] {
    return [...(this.byPolicy.get(policy)?.values() ?? [])];
  }
}
