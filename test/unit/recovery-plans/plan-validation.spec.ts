import { ResilienceConfigError } from 'nestjs-bulwark';
import { planKit } from './plan-kit.js';

describe('validating recovery plans', () => {
  const valid = {
    serviceName: 'db',
    strategy: 'GRADUAL',
    estimatedRecoveryTimeMs: 30_000,
    steps: [
      { type: 'reset_circuit_breaker', target: 'db' },
      { type: 'wait', durationMs: 1_000 },
    ],
    successCriteria: [{ type: 'circuit_breakers_closed', breakers: ['db'] }],
    rollbackPlan: [{ type: 'clear_cache' }],
  };

  it('accepts a valid plan', () => {
    expect(planKit().book.issues(valid)).toEqual([]);
  });

  it('names every problem at once', () => {
    const kit = planKit();
    const issues = kit.book.issues({
      serviceName: 'bad name!',
      strategy: 'SOMETIMES',
      estimatedRecoveryTimeMs: -1,
      steps: [{ type: 'reboot' }, { type: 'wait' }, { type: 'clear_cache', durationMs: 5 }, 'x'],
      successCriteria: [
        { type: 'custom', name: 'nope' },
        { type: 'vibes' },
        { type: 'circuit_breakers_closed', breakers: [1] },
      ],
      rollbackPlan: {},
      extra: true,
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'extra',
      'serviceName',
      'strategy',
      'estimatedRecoveryTimeMs',
      'steps[0].type',
      'steps[1].durationMs',
      'steps[2].durationMs',
      'steps[3].step',
      'rollbackPlan',
      'successCriteria[0].name',
      'successCriteria[1].type',
      'successCriteria[2].breakers',
    ]);
    expect(issues[4].message).toMatch(
      /must be one of 'reset_circuit_breaker', 'wait', 'restart_service', 'clear_cache', 'custom'/,
    );
  });

  it('a custom step names a registered step type, and only a custom step has a name', () => {
    const kit = planKit();
    kit.actions.stepTypes.set('drain_queue', () => undefined);
    const issues = kit.book.issues({
      ...valid,
      steps: [
        { type: 'custom', name: 'drain_queue' },
        { type: 'custom' },
        { type: 'custom', name: 'flush' },
        { type: 'wait', durationMs: 1, name: 'drain_queue' },
      ],
    });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'steps[1].name', message: 'is required for a custom step' }),
      expect.objectContaining({
        path: 'steps[2].name',
        message: 'no step type registered as "flush"',
      }),
      expect.objectContaining({ path: 'steps[3].name', message: 'applies to custom steps only' }),
    ]);
  });

  it('refuses times longer than a Node timer can wait', () => {
    const issues = planKit().book.issues({
      ...valid,
      estimatedRecoveryTimeMs: 3e9,
      steps: [{ type: 'wait', durationMs: 3e9 }],
    });
    expect(issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      'estimatedRecoveryTimeMs: must be at most 2147483647 (the longest timer Node keeps)',
      'steps[0].durationMs: must be at most 2147483647 (the longest timer Node keeps)',
    ]);
  });

  it('knows registered step types and criteria', () => {
    const kit = planKit();
    const plan = {
      ...valid,
      steps: [{ type: 'flush_dns', params: { zone: 'a' } }],
      successCriteria: [{ type: 'custom', name: 'ping' }],
    };
    expect(kit.book.issues(plan).map((i) => i.path)).toEqual([
      'steps[0].type',
      'successCriteria[0].name',
    ]);
    kit.actions.stepTypes.set('flush_dns', () => undefined);
    kit.actions.criteria.set('ping', () => true);
    expect(kit.book.issues(plan)).toEqual([]);
  });

  it('register throws on a bad plan and keeps the previous one', () => {
    const kit = planKit();
    kit.book.register(valid as never);
    expect(() => kit.book.register({ ...valid, steps: [] } as never)).toThrow(
      ResilienceConfigError,
    );
    expect(kit.book.get('db')?.steps).toHaveLength(2);
  });
});
