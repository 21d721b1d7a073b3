import {
  ConcurrencyGate,
  TestClock,
  createCircuitBreaker,
  type CircuitBreakerPolicy,
  type RecoveryPlan,
} from 'nestjs-bulwark';
import type { ExecutorEnvironment } from '../../../lib/recovery-plans/execute-plan.js';
import { RecoveryActions } from '../../../lib/recovery-plans/recovery-actions.js';
import { RecoveryHistory } from '../../../lib/recovery-plans/recovery-history.js';
import { RecoveryPlanBook } from '../../../lib/recovery-plans/recovery-plan-book.js';
import { RecoveryRuns } from '../../../lib/recovery-plans/recovery-runs.js';

/** Plan runs on a test clock with in-memory breakers, a dependency graph and health. */
export function planKit(
  options: { limit?: number; multiplier?: number; edges?: Record<string, string[]> } = {},
) {
  const clock = new TestClock();
  const actions = new RecoveryActions();
  const book = new RecoveryPlanBook(actions);
  const history = new RecoveryHistory();
  const gate = new ConcurrencyGate(options.limit ?? 3);
  const breakers = new Map<string, CircuitBreakerPolicy>();
  const health = new Map<string, boolean>();
  const edges = options.edges ?? {};
  const events: string[] = [];
  const env: ExecutorEnvironment = {
    clock,
    actions,
    graph: { dependenciesOf: (name) => edges[name] ?? [], isHealthy: (name) => health.get(name) },
    healthChecked: true,
    findBreaker: (name) => breakers.get(name),
    breakerState: (name) => breakers.get(name)?.state,
    timeoutMultiplier: options.multiplier ?? 1.5,
  };
  const runs = new RecoveryRuns(book, env, gate, history, {
    started: ({ serviceName }) => void events.push(`started ${serviceName}`),
    finished: (execution) =>
      void events.push(`finished ${execution.serviceName} ${execution.status}`),
  });
  const breaker = (name: string) => {
    const created = createCircuitBreaker({ name, failureThreshold: 1, clock });
    breakers.set(name, created);
    return created;
  };
  /** A plan with defaults a test can override. */
  const plan = (overrides: Partial<RecoveryPlan> & { serviceName: string }): RecoveryPlan =>
    book.register({
      strategy: 'IMMEDIATE',
      estimatedRecoveryTimeMs: 60_000,
      steps: [{ type: 'wait', durationMs: 0 }],
      ...overrides,
    });
  return { clock, actions, book, history, gate, health, env, runs, events, breaker, plan };
}
