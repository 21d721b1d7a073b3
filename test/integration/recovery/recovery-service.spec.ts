import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import {
  CheckpointService,
  RecoveryService,
  ResilienceService,
  type RecoveryEventMap,
  type TestClock,
} from 'nestjs-bulwark';
import { MemoryControllerService } from '../../../lib/memory/memory-controller.service.js';
import { recoveryApp, type SunkWork } from './recovery-app.js';

const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

describe('RecoveryService', () => {
  let app: INestApplication;
  let clock: TestClock;
  let sunk: SunkWork[];
  let recovery: RecoveryService;

  beforeEach(async () => {
    ({ app, clock, sunk } = await recoveryApp({
      defaults: {
        retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 },
        circuitBreaker: { failureThreshold: 2 },
      },
    }));
    recovery = app.get(RecoveryService);
  });
  afterEach(() => app.close());

  it('recovers, publishes the attempt and counts it in stats', async () => {
    const attempts: RecoveryEventMap['recovery.attempted'][] = [];
    app.get(ResilienceService).on('recovery.attempted', (event) => void attempts.push(event));
    let calls = 0;
    const pending = recovery.recoverFromError(refused(), {
      serviceId: 'inventory',
      operation: 'reserve',
      strategies: ['exponential_backoff'],
      retryFn: async () => {
        if (++calls < 2) throw refused();
        return 'reserved';
      },
    });
    await clock.advance(300);
    expect(await pending).toMatchObject({
      status: 'success',
      strategy: 'exponential_backoff',
      attempts: 2,
      durationMs: 300,
      result: 'reserved',
    });
    expect(attempts).toEqual([
      {
        serviceId: 'inventory',
        operation: 'reserve',
        category: 'connection',
        errorType: 'Error',
        strategy: 'exponential_backoff',
        status: 'success',
        attempts: 2,
        durationMs: 300,
      },
    ]);
    expect(recovery.stats()).toEqual({
      totalRecoveries: 1,
      successRate: 1,
      averageRecoveryTimeMs: 300,
      openBreakers: 0,
      strategies: {
        exponential_backoff: {
          attempts: 1,
          successes: 1,
          successRate: 1,
          averageRecoveryTimeMs: 300,
        },
      },
    });
    expect(recovery.learnedStrategies()).toEqual([
      {
        serviceId: 'inventory',
        category: 'connection',
        strategies: { exponential_backoff: { successes: 1, failures: 0, successDurationMs: 300 } },
      },
    ]);
  });

  it('circuit break opens the service breaker (defaults.circuitBreaker) and stats count it open', async () => {
    const context = {
      serviceId: 'inventory',
      strategies: ['circuit_break' as const],
      retryFn: async () => {
        throw refused();
      },
    };
    await recovery.recoverFromError(refused(), context);
    await recovery.recoverFromError(refused(), context);
    expect(app.get(ResilienceService).breaker('inventory')?.state).toBe('OPEN');
    expect(recovery.stats()).toMatchObject({ totalRecoveries: 2, successRate: 0, openBreakers: 1 });
  });

  it('sends a failed recovery to the failed-work sink and resolves with status failed', async () => {
    const result = await recovery.recoverFromError(refused(), {
      serviceId: 'inventory',
      strategies: ['retry'],
      retryFn: async () => {
        throw refused();
      },
    });
    expect(result).toMatchObject({ status: 'failed', strategy: 'retry', attempts: 2 });
    expect(sunk).toEqual([
      {
        message: {
          type: 'recovery.failed',
          payload: {
            serviceId: 'inventory',
            operation: undefined,
            category: 'connection',
            tried: ['retry'],
          },
        },
        error: result.error,
      },
    ]);
  });

  it('runs reconnect and token refresh hooks before the self-heal retry', async () => {
    const order: string[] = [];
    recovery.onReconnect(() => void order.push('reconnect'));
    recovery.onTokenRefresh(() => void order.push('refresh'));
    await recovery.recoverFromError(refused(), {
      serviceId: 'db',
      strategies: ['self_heal'],
      retryFn: () => order.push('retry db'),
    });
    await recovery.recoverFromError(Object.assign(new Error('expired'), { status: 401 }), {
      serviceId: 'crm',
      retryFn: () => order.push('retry crm'),
    });
    expect(order).toEqual(['reconnect', 'retry db', 'refresh', 'retry crm']);
  });

  it('self-heals resource exhaustion with a critical cleanup of the memory controller', async () => {
    const cleanup = jest.spyOn(app.get(MemoryControllerService), 'manualCleanup');
    const result = await recovery.recoverFromError(new RangeError('Invalid array length'), {
      serviceId: 'reports',
      strategies: ['self_heal'],
      retryFn: () => 'built with less memory',
    });
    expect(cleanup).toHaveBeenCalledWith('critical');
    expect(result).toMatchObject({ status: 'success', strategy: 'self_heal' });
  });

  it('restores a checkpoint saved with CheckpointService', async () => {
    await app.get(CheckpointService).save('job-7', { page: 12 });
    const result = await recovery.recoverFromError(new Error('worker crashed'), {
      serviceId: 'importer',
      checkpointId: 'job-7',
      resumeFn: (state) => `resumed at page ${(state as { page: number }).page}`,
    });
    expect(result).toMatchObject({
      status: 'success',
      strategy: 'checkpoint_restore',
      result: 'resumed at page 12',
    });
  });
});
