import type { RecoveryExecution } from './recovery-plan.types.js';

/** The most recent executions, newest last; the oldest are forgotten beyond `limit`. */
export class RecoveryHistory {
  private readonly executions: RecoveryExecution[] = [];

  constructor(private readonly limit = 100) {}

  add(execution: RecoveryExecution): void {
    this.executions.push(execution);
    if (this.executions.length > this.limit) this.executions.shift();
  }

  /** Every kept execution, or one service's, oldest first. */
  list(serviceName?: string): RecoveryExecution[] {
    return serviceName === undefined
      ? [...this.executions]
      : this.executions.filter((execution) => execution.serviceName === serviceName);
  }
}
