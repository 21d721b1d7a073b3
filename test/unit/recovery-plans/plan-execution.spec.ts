import { planKit } from './plan-kit.js';

describe('running a recovery plan', () => {
  it('GRADUAL: a step at a time on the clock, stopping once the criteria hold', async () => {
    const kit = planKit();
    const breaker = kit.breaker('search');
    breaker.open();
    let restarted = false;
    kit.actions.restarters.set('search', () => void (restarted = true));
    kit.actions.criteria.set('search answers', () => restarted);
    kit.actions.caches.set('results', () => {
      throw new Error('must not run');
    });
    kit.plan({
      serviceName: 'search',
      strategy: 'GRADUAL',
      estimatedRecoveryTimeMs: 20_000,
      steps: [
        { type: 'reset_circuit_breaker' },
        { type: 'wait', durationMs: 5_000 },
        { type: 'restart_service' },
        { type: 'wait', durationMs: 5_000 },
        { type: 'clear_cache' },
      ],
      successCriteria: [
        { type: 'circuit_breakers_closed' },
        { type: 'custom', name: 'search answers' },
      ],
    });
    const pending = kit.runs.run('search', 'manual');
    await kit.clock.advance(4_999);
    expect(breaker.state).toBe('CLOSED');
    expect(restarted).toBe(false);
    await kit.clock.advance(1);
    const execution = await pending;
    expect(restarted).toBe(true);
    expect(execution).toMatchObject({
      status: 'succeeded',
      strategy: 'GRADUAL',
      durationMs: 5_000,
      timeoutMs: 30_000,
    });
    expect(execution.steps.map((s) => [s.type, s.status, s.startedAt])).toEqual([
      ['reset_circuit_breaker', 'succeeded', 0],
      ['wait', 'succeeded', 0],
      ['restart_service', 'succeeded', 5_000],
      ['wait', 'skipped', 5_000],
      ['clear_cache', 'skipped', 5_000],
    ]);
    expect(execution.criteria).toEqual([
      { type: 'circuit_breakers_closed', met: true },
      { type: 'custom', met: true },
    ]);
    expect(kit.history.list('search')).toEqual([execution]);
  });

  it('IMMEDIATE: every step, then the criteria; unmet criteria fail the plan and roll back', async () => {
    const kit = planKit({ edges: { api: ['db'] } });
    const cleared: string[] = [];
    kit.actions.caches.set('a', () => void cleared.push('a'));
    kit.actions.caches.set('b', { clear: () => void cleared.push('b') });
    kit.actions.restarters.set('api', () => void cleared.push('restart api'));
    kit.health.set('api', true);
    kit.health.set('db', false);
    kit.plan({
      serviceName: 'api',
      steps: [{ type: 'clear_cache' }],
      successCriteria: [{ type: 'all_dependencies_healthy' }],
      rollbackPlan: [{ type: 'restart_service' }, { type: 'clear_cache', target: 'b' }],
    });
    const execution = await kit.runs.run('api', 'manual');
    expect(cleared).toEqual(['a', 'b', 'restart api', 'b']);
    expect(execution).toMatchObject({
      status: 'failed',
      error: 'success criteria not met: all_dependencies_healthy (unhealthy: db)',
      criteria: [{ type: 'all_dependencies_healthy', met: false, reason: 'unhealthy: db' }],
      rollback: { status: 'succeeded' },
    });
    expect(execution.rollback?.steps.map((s) => s.type)).toEqual([
      'restart_service',
      'clear_cache',
    ]);
    kit.health.set('db', true);
    expect((await kit.runs.run('api', 'manual')).status).toBe('succeeded');
  });

  it('a failing step ends the plan, skips the rest and rolls back (a failing rollback step is reported)', async () => {
    const kit = planKit();
    kit.actions.stepTypes.set('drain_queue', () => undefined);
    kit.plan({
      serviceName: 'mailer',
      steps: [{ type: 'restart_service' }, { type: 'drain_queue' }],
      rollbackPlan: [{ type: 'drain_queue' }, { type: 'clear_cache', target: 'missing' }],
    });
    const execution = await kit.runs.run('mailer', 'manual');
    expect(execution).toMatchObject({
      status: 'failed',
      error: 'step 1 (restart_service) failed: No restarter registered for "mailer"',
      rollback: { status: 'failed' },
    });
    expect(execution.steps.map((s) => s.status)).toEqual(['failed', 'skipped']);
    expect(execution.rollback?.steps.map((s) => s.error)).toEqual([
      undefined,
      'No cache registered as "missing"',
    ]);
    expect(kit.events).toEqual(['started mailer', 'finished mailer failed']);
  });

  it('a custom step runs the step type registered under its name, with its params', async () => {
    const kit = planKit();
    const seen: unknown[] = [];
    kit.actions.stepTypes.set('drain_queue', (step, { plan }) => {
      seen.push([plan.serviceName, step.params]);
    });
    kit.plan({
      serviceName: 'mailer',
      steps: [{ type: 'custom', name: 'drain_queue', params: { batch: 50 } }],
    });
    const execution = await kit.runs.run('mailer', 'manual');
    expect(execution.status).toBe('succeeded');
    expect(execution.steps).toEqual([
      expect.objectContaining({ type: 'custom', name: 'drain_queue', status: 'succeeded' }),
    ]);
    expect(seen).toEqual([['mailer', { batch: 50 }]]);
  });

  it('times out at estimate x multiplier, aborts the running wait and rolls back', async () => {
    const kit = planKit({ multiplier: 2 });
    const rolledBack: number[] = [];
    kit.actions.stepTypes.set('undo', () => void rolledBack.push(kit.clock.now()));
    kit.plan({
      serviceName: 'slow',
      estimatedRecoveryTimeMs: 1_000,
      steps: [
        { type: 'wait', durationMs: 500 },
        { type: 'wait', durationMs: 10_000 },
        { type: 'restart_service' },
      ],
      rollbackPlan: [{ type: 'undo' }],
    });
    const pending = kit.runs.run('slow', 'manual');
    await kit.clock.advance(2_000);
    const execution = await pending;
    expect(execution).toMatchObject({
      status: 'timed_out',
      durationMs: 2_000,
      timeoutMs: 2_000,
      error: 'timed out after 2000 ms',
    });
    expect(execution.steps.map((s) => [s.type, s.status, s.error])).toEqual([
      ['wait', 'succeeded', undefined],
      ['wait', 'failed', 'timed out'],
      ['restart_service', 'skipped', undefined],
    ]);
    expect(rolledBack).toEqual([2_000]);
    expect(kit.clock.pendingTimers).toBe(0);
  });

  it('a service without a plan is skipped; asking twice joins the run in progress', async () => {
    const kit = planKit();
    expect(await kit.runs.run('unknown', 'manual')).toMatchObject({
      status: 'skipped',
      error: 'no recovery plan for "unknown"',
    });
    let restarts = 0;
    kit.actions.restarters.set('db', () => void restarts++);
    kit.plan({
      serviceName: 'db',
      steps: [{ type: 'wait', durationMs: 100 }, { type: 'restart_service' }],
    });
    const first = kit.runs.run('db', 'manual');
    const second = kit.runs.run('db', 'automatic');
    await kit.clock.advance(100);
    expect(await first).toBe(await second);
    expect(restarts).toBe(1);
  });
});
