import { randomUUID } from 'node:crypto';
import type { ConcurrencyGate } from './concurrency-gate.js';
import { dependenciesWithin, dependencyOrder } from './dependency-order.js';
import { executePlan, type ExecutorEnvironment } from './execute-plan.js';
import type { RecoveryHistory } from './recovery-history.js';
import type { RecoveryPlanBook } from './recovery-plan-book.js';
import type { RecoveryExecution } from './recovery-plan.types.js';

type Trigger = RecoveryExecution['trigger'];

/** Told when an execution starts and when it has finished (after its rollback). */
export interface RunListener {
  started(execution: { id: string; serviceName: string; trigger: Trigger }): void;
  finished(execution: RecoveryExecution): Promise<void> | void;
}

/**
 * Runs plans: at most the gate's limit at once (the rest queue), one run per service at a
 * time (asking again joins the run in progress), every finished run in the history.
 */
export class RecoveryRuns {
  private readonly inFlight = new Map<string, Promise<RecoveryExecution>>();

  constructor(
    private readonly book: RecoveryPlanBook,
    private readonly env: ExecutorEnvironment,
    private readonly gate: ConcurrencyGate,
    private readonly history: RecoveryHistory,
    private readonly listener: RunListener,
  ) {}

  /** Runs the service's plan; a service without a plan gives a `skipped` execution. */
  run(serviceName: string, trigger: Trigger): Promise<RecoveryExecution> {
    const running = this.inFlight.get(serviceName);
    if (running) return running;
    const pending: Promise<RecoveryExecution> = this.gate
      .run(() => this.execute(serviceName, trigger))
      .finally(() => this.forget(serviceName, pending));
    this.inFlight.set(serviceName, pending);
    return pending;
  }

  /** A finished run stops being joinable before it is reported, so a listener may start a new one. */
  private forget(serviceName: string, run: Promise<RecoveryExecution> | undefined): void {
    if (run === undefined || this.inFlight.get(serviceName) === run)
      this.inFlight.delete(serviceName);
  }

  /**
   * Recovers several services, dependencies first: a service starts once the services of
   * the batch it depends on have recovered, independent ones side by side (within the
   * gate's limit); one whose dependency did not recover is skipped.
   * @throws RecoveryCycleError when they depend on each other in a cycle (nothing runs).
   */
  async runMany(services: readonly string[], trigger: Trigger): Promise<RecoveryExecution[]> {
    const order = dependencyOrder(services, this.env.graph);
    const runs = new Map<string, Promise<RecoveryExecution>>();
    for (const name of order) {
      const before = dependenciesWithin(name, order, this.env.graph);
      const run = Promise.all(before.map((dependency) => runs.get(dependency))).then((done) => {
        const blocker = done.find((execution) => execution !== undefined && blocks(execution));
        if (!blocker) return this.run(name, trigger);
        return this.skip(
          name,
          trigger,
          `dependency "${blocker.serviceName}" did not recover`,
          blocker.serviceName,
        );
      });
      runs.set(name, run);
    }
    return Promise.all(order.map((name) => runs.get(name) as Promise<RecoveryExecution>));
  }

  private async execute(serviceName: string, trigger: Trigger): Promise<RecoveryExecution> {
    const plan = this.book.get(serviceName);
    if (!plan) return this.skip(serviceName, trigger, `no recovery plan for "${serviceName}"`);
    const id = randomUUID();
    this.listener.started({ id, serviceName, trigger });
    const execution = await executePlan(plan, { id, trigger }, this.env);
    this.forget(serviceName, undefined);
    return this.finish(execution);
  }

  private skip(
    serviceName: string,
    trigger: Trigger,
    error: string,
    blockedBy?: string,
  ): Promise<RecoveryExecution> {
    const now = this.env.clock.now();
    return this.finish({
      id: randomUUID(),
      serviceName,
      trigger,
      status: 'skipped',
      startedAt: now,
      finishedAt: now,
      durationMs: 0,
      steps: [],
      criteria: [],
      error,
      ...(blockedBy === undefined ? {} : { blockedBy }),
    });
  }

  private async finish(execution: RecoveryExecution): Promise<RecoveryExecution> {
    this.history.add(execution);
    await Promise.resolve()
      .then(() => this.listener.finished(execution))
      .catch(() => undefined);
    return execution;
  }
}

/** A failed, timed-out or blocked dependency holds back the services that need it. */
function blocks(execution: RecoveryExecution): boolean {
  return (
    execution.status === 'failed' ||
    execution.status === 'timed_out' ||
    execution.blockedBy !== undefined
  );
}
