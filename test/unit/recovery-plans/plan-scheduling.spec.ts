import { RecoveryCycleError } from 'nestjs-bulwark';
import { planKit } from './plan-kit.js';

describe('scheduling recovery plans', () => {
  it('runs at most the limit at once; the others queue and start as slots free up', async () => {
    const kit = planKit({ limit: 2 });
    const startedAt: Record<string, number> = {};
    kit.actions.stepTypes.set(
      'mark',
      (_step, { plan }) => void (startedAt[plan.serviceName] = kit.clock.now()),
    );
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      kit.plan({
        serviceName: name,
        steps: [{ type: 'mark' }, { type: 'wait', durationMs: 1_000 }],
      });
    }
    const all = Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => kit.runs.run(name, 'manual')));
    await kit.clock.advance(0);
    expect({ active: kit.gate.active, queued: kit.gate.queued }).toEqual({ active: 2, queued: 3 });
    await kit.clock.advance(1_000);
    expect({ active: kit.gate.active, queued: kit.gate.queued }).toEqual({ active: 2, queued: 1 });
    await kit.clock.advance(2_000);
    expect((await all).map((execution) => execution.status)).toEqual(Array(5).fill('succeeded'));
    expect(startedAt).toEqual({ a: 0, b: 0, c: 1_000, d: 1_000, e: 2_000 });
    expect(kit.gate.active).toBe(0);
  });

  it('recovers several services dependencies first, independent ones side by side', async () => {
    const kit = planKit({
      edges: { web: ['api'], api: ['db'], reports: ['db'], mail: [] },
      limit: 5,
    });
    const started: string[] = [];
    kit.actions.stepTypes.set(
      'mark',
      (_step, { plan }) => void started.push(`${plan.serviceName}@${kit.clock.now()}`),
    );
    for (const name of ['web', 'api', 'db', 'reports', 'mail']) {
      kit.plan({ serviceName: name, steps: [{ type: 'mark' }, { type: 'wait', durationMs: 100 }] });
    }
    const pending = kit.runs.runMany(['web', 'reports', 'mail', 'api', 'db'], 'manual');
    await kit.clock.advance(1_000);
    const executions = await pending;
    expect(started).toEqual(['db@0', 'mail@0', 'api@100', 'reports@100', 'web@200']);
    expect(executions.map((e) => e.serviceName)).toEqual(['db', 'api', 'web', 'reports', 'mail']);
  });

  it('orders through services outside the batch, and skips the dependents of a failed recovery', async () => {
    const kit = planKit({ edges: { web: ['api'], api: ['db'] } });
    kit.plan({ serviceName: 'db', steps: [{ type: 'restart_service' }] });
    kit.plan({ serviceName: 'web', steps: [{ type: 'wait', durationMs: 0 }] });
    const executions = await kit.runs.runMany(['web', 'db'], 'automatic');
    expect(executions.map((e) => [e.serviceName, e.status, e.blockedBy])).toEqual([
      ['db', 'failed', undefined],
      ['web', 'skipped', 'db'],
    ]);
    expect(executions[1].error).toBe('dependency "db" did not recover');
    expect(executions.every((e) => e.trigger === 'automatic')).toBe(true);
  });

  it('a dependency without a plan does not hold back its dependents', async () => {
    const kit = planKit({ edges: { api: ['cache'] } });
    kit.plan({ serviceName: 'api' });
    const executions = await kit.runs.runMany(['api', 'cache'], 'manual');
    expect(executions.map((e) => [e.serviceName, e.status])).toEqual([
      ['cache', 'skipped'],
      ['api', 'succeeded'],
    ]);
  });

  it('refuses a cycle, naming it, and runs nothing', async () => {
    const kit = planKit({ edges: { a: ['b'], b: ['c'], c: ['a'], d: [] } });
    for (const name of ['a', 'b', 'c', 'd']) kit.plan({ serviceName: name });
    const error = await kit.runs.runMany(['d', 'a'], 'manual').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecoveryCycleError);
    expect((error as RecoveryCycleError).cycle).toEqual(['a', 'b', 'c', 'a']);
    expect((error as Error).message).toBe(
      'Services depend on each other in a cycle: a -> b -> c -> a',
    );
    expect(kit.history.list()).toEqual([]);
  });
});
