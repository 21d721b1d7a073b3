import type { INestApplication } from '@nestjs/common';
import {
  DependencyHealthService,
  RecoveryOrchestrator,
  ResilienceConfigError,
  ResilienceEvents,
  ResilienceService,
  type RecoveryEventMap,
} from 'nestjs-bulwark';
import { recoveryApp, type SunkWork } from '../recovery/recovery-app.js';

function nextFinished(app: INestApplication): Promise<RecoveryEventMap['recoveryPlan.finished']> {
  return new Promise((resolve) => {
    const off = app.get(ResilienceService).on('recoveryPlan.finished', (event) => {
      off();
      resolve(event);
    });
  });
}

describe('automatic recovery', () => {
  let app: INestApplication;
  let sunk: SunkWork[];
  afterEach(() => app.close());

  it('refuses a custom step type named like a built-in one, which would never run', async () => {
    ({ app } = await recoveryApp());
    const orchestrator = app.get(RecoveryOrchestrator);
    expect(() => orchestrator.registerStepType('wait', () => undefined)).toThrow(
      /'wait' is a built-in step type/,
    );
    expect(() => orchestrator.registerStepType('custom', () => undefined)).toThrow(
      ResilienceConfigError,
    );
  });

  it('runs the plan of a dependency that turns unhealthy, until health says it is back', async () => {
    ({ app, sunk } = await recoveryApp({ recovery: { maxConcurrentRecoveries: 1 } }));
    const health = app.get(DependencyHealthService);
    const orchestrator = app.get(RecoveryOrchestrator);
    let databaseUp = false;
    orchestrator.registerRestarter('orders-db', () => void (databaseUp = true));
    orchestrator.registerStepType(
      'recheck',
      async (_step, { plan }) => void (await health.checkNow(plan.serviceName)),
    );
    orchestrator.registerPlan({
      serviceName: 'orders-db',
      strategy: 'IMMEDIATE',
      estimatedRecoveryTimeMs: 60_000,
      steps: [{ type: 'restart_service' }, { type: 'recheck' }],
      successCriteria: [{ type: 'all_dependencies_healthy' }],
    });
    const started: string[] = [];
    app
      .get(ResilienceService)
      .on(
        'recoveryPlan.started',
        ({ serviceName, trigger }) => void started.push(`${serviceName} ${trigger}`),
      );
    const finished = nextFinished(app);
    health.register({
      name: 'orders-db',
      type: 'database',
      healthCheck: {
        check: () => databaseUp,
        intervalMs: 3_600_000,
        failureThreshold: 1,
        successThreshold: 1,
      },
    });
    expect(await finished).toMatchObject({
      serviceName: 'orders-db',
      status: 'succeeded',
      rolledBack: false,
    });
    expect(started).toEqual(['orders-db automatic']);
    expect(health.get('orders-db')?.status).toBe('healthy');
    expect(sunk).toEqual([]);
  });

  it('recovers dependencies that fail together in dependency order; a failed plan goes to the failed-work sink', async () => {
    ({ app, sunk } = await recoveryApp());
    const orchestrator = app.get(RecoveryOrchestrator);
    orchestrator.declareDependencies('api', ['cache']);
    const order: string[] = [];
    orchestrator.registerStepType('note', (_step, { plan }) => void order.push(plan.serviceName));
    for (const serviceName of ['api', 'cache']) {
      orchestrator.registerPlan({
        serviceName,
        strategy: 'IMMEDIATE',
        estimatedRecoveryTimeMs: 1_000,
        steps: [{ type: 'note' }],
      });
    }
    const finished = [nextFinished(app)];
    const events = app.get(ResilienceEvents);
    events.emit('dependency.statusChange', {
      name: 'api',
      from: 'healthy',
      to: 'unhealthy',
      criticality: 'high',
    });
    events.emit('dependency.statusChange', {
      name: 'cache',
      from: 'healthy',
      to: 'unhealthy',
      criticality: 'high',
    });
    events.emit('dependency.statusChange', {
      name: 'no-plan',
      from: 'healthy',
      to: 'unhealthy',
      criticality: 'low',
    });
    await finished[0];
    await new Promise<void>((resolve) => {
      if (orchestrator.history().length === 2) resolve();
      else app.get(ResilienceService).on('recoveryPlan.finished', () => resolve());
    });
    expect(order).toEqual(['cache', 'api']);
    expect(orchestrator.history().map((e) => [e.serviceName, e.trigger])).toEqual([
      ['cache', 'automatic'],
      ['api', 'automatic'],
    ]);
    orchestrator.registerPlan({
      serviceName: 'api',
      strategy: 'IMMEDIATE',
      estimatedRecoveryTimeMs: 1_000,
      steps: [{ type: 'restart_service' }],
    });
    const failed = await orchestrator.execute('api');
    expect(sunk).toEqual([
      {
        message: {
          type: 'recovery-plan.failed',
          payload: { serviceName: 'api', status: 'failed', steps: ['restart_service:failed'] },
        },
        error: failed.error,
      },
    ]);
  });

  it('does nothing when autoRecoveryEnabled is false', async () => {
    ({ app } = await recoveryApp({ recovery: { autoRecoveryEnabled: false } }));
    const orchestrator = app.get(RecoveryOrchestrator);
    orchestrator.registerPlan({
      serviceName: 'db',
      strategy: 'IMMEDIATE',
      estimatedRecoveryTimeMs: 1_000,
      steps: [{ type: 'clear_cache' }],
    });
    app.get(ResilienceEvents).emit('dependency.statusChange', {
      name: 'db',
      from: 'healthy',
      to: 'unhealthy',
      criticality: 'high',
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(orchestrator.activity()).toEqual({ active: 0, queued: 0 });
    expect(orchestrator.history()).toEqual([]);
  });
});
