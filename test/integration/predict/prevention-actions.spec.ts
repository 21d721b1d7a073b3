import type { INestApplication } from '@nestjs/common';
import {
  MemoryControllerService,
  PredictorService,
  ResilienceService,
  type PreventionAction,
} from 'nestjs-bulwark';
import { eventually } from '../../fixtures/eventually.js';
import { replayPaymentsIncidents } from '../../fixtures/precursor-training.js';
import { WarningLog, startPredictApp as start } from './predict-app.js';

describe('prevention actions', () => {
  let app: INestApplication;

  afterEach(async () => app?.close());

  it('takes no prevention action unless opted in', async () => {
    app = (await start({})).app;
    replayPaymentsIncidents(app.get(PredictorService));
    expect(app.get(PredictorService).getPreventionActions()).toEqual([]);
  });

  it('opens the breaker early, lowers the adaptive limit and cleans memory when opted in', async () => {
    const log = new WarningLog();
    app = (
      await start(
        {
          policies: {
            payments: {
              circuitBreaker: { failureThreshold: 5 },
              rateLimit: { algorithm: 'adaptive', limit: 100, windowMs: 100, minLimit: 1 },
            },
          },
          predictive: {
            prevention: { memoryCleanup: true, lowerAdaptiveLimits: true, openBreakersEarly: true },
          },
        },
        undefined,
        log,
      )
    ).app;
    const resilience = app.get(ResilienceService);
    const breaker = resilience.breaker('payments')!;
    const limiter = resilience.limiter('payments')!;
    const reported: PreventionAction[] = [];
    resilience.on('prediction.prevention', (action) => reported.push(action));
    const cleanups: string[] = [];
    app.get(MemoryControllerService).registerCleanable({
      name: 'probe',
      priority: 1,
      cleanup: (level) => void cleanups.push(level),
    });

    replayPaymentsIncidents(app.get(PredictorService));
    await eventually(() => reported.length === 3);

    expect(breaker.state).toBe('OPEN');
    expect(cleanups).toEqual(['standard']);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(limiter.stats().effectiveLimit).toBeLessThan(100);
    const actions = app.get(PredictorService).getPreventionActions();
    expect(actions.map((a) => `${a.action}:${a.target}:${a.outcome}`).sort()).toEqual([
      'lowerAdaptiveLimit:payments:done',
      'memoryCleanup:memory:done',
      'openBreaker:payments:done',
    ]);
    expect(reported).toEqual(actions);
    const logged = log.warnings.filter((line) => line.startsWith('Prevention:'));
    expect(logged).toHaveLength(3);
    expect(logged).toContainEqual(
      expect.stringMatching(/^Prevention: openBreaker on payments for \w+ alert on /),
    );
    expect(
      app
        .get(PredictorService)
        .getRecordedFailures()
        .map((f) => f.details),
    ).not.toContainEqual(
      expect.objectContaining({ reason: expect.stringContaining('manualOpen') }),
    );
  });
});
