import { ResilienceConfigError, type ConfigIssue } from '../core/errors/index.js';
import { OptionChecker } from '../core/validation/index.js';
import { checkRecoveryPlan } from './check-recovery-plan.js';
import type { RecoveryActions } from './recovery-actions.js';
import type { RecoveryPlan } from './recovery-plan.types.js';

/** The registered plans, one per service, each validated on the way in. */
export class RecoveryPlanBook {
  private readonly plans = new Map<string, RecoveryPlan>();

  constructor(private readonly actions: RecoveryActions) {}

  /** Every problem of a would-be plan; empty when it is valid. */
  issues(plan: unknown): ConfigIssue[] {
    const checker = new OptionChecker('', 'recovery plan');
    checkRecoveryPlan(plan, this.actions, checker);
    return checker.issues;
  }

  /**
   * Adds the plan, replacing the service's previous one.
   * @throws ResilienceConfigError listing every problem; nothing changes then.
   */
  register(plan: RecoveryPlan): RecoveryPlan {
    const issues = this.issues(plan);
    if (issues.length > 0) throw new ResilienceConfigError(issues);
    this.plans.set(plan.serviceName, plan);
    return plan;
  }

  get(serviceName: string): RecoveryPlan | undefined {
    return this.plans.get(serviceName);
  }

  list(): RecoveryPlan[] {
    return [...this.plans.values()];
  }

  /** True when there was a plan to remove. */
  remove(serviceName: string): boolean {
    return this.plans.delete(serviceName);
  }
}
