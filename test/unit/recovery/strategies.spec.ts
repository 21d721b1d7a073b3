import { CircuitOpenError, RateLimitExceededError, createCircuitBreaker } from 'nestjs-bulwark';
import { recoveryKit } from './recovery-kit.js';

const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

describe('recovery strategies', () => {
  it('retry calls again at once, up to maxAttempts - 1 times', async () => {
    const kit = recoveryKit({ retry: { maxAttempts: 4 } });
    let calls = 0;
    const result = await kit.engine.recover(reset(), {
      serviceId: 'db',
      strategies: ['retry'],
      retryFn: async () => {
        calls++;
        if (calls < 3) throw reset();
        return 'back';
      },
    });
    expect(result).toMatchObject({
      status: 'success',
      strategy: 'retry',
      attempts: 3,
      result: 'back',
    });
    expect(result.classification.category).toBe('connection');
  });

  it('exponential backoff waits base x multiplier^(n-1) on the clock before call n', async () => {
    const kit = recoveryKit({ retry: { maxAttempts: 4, baseDelayMs: 100, multiplier: 3 } });
    const calledAt: number[] = [];
    const pending = kit.engine.recover(reset(), {
      serviceId: 'db',
      strategies: ['exponential_backoff'],
      retryFn: async () => {
        calledAt.push(kit.clock.now());
        throw reset();
      },
    });
    await kit.clock.advance(99);
    expect(calledAt).toEqual([]);
    await kit.clock.advance(1_201);
    const result = await pending;
    expect(calledAt).toEqual([100, 400, 1_300]);
    expect(result).toMatchObject({
      status: 'failed',
      strategy: 'exponential_backoff',
      attempts: 3,
      durationMs: 1_300,
    });
  });

  it('exponential backoff honours Retry-After and gives up when it exceeds maxDelayMs', async () => {
    const kit = recoveryKit({ retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 5_000 } });
    const calledAt: number[] = [];
    const retryFn = async () => {
      calledAt.push(kit.clock.now());
      return 'ok';
    };
    const waited = kit.engine.recover(new RateLimitExceededError('api', 700, 10), {
      serviceId: 'api',
      strategies: ['exponential_backoff'],
      retryFn,
    });
    await kit.clock.advance(700);
    expect((await waited).status).toBe('success');
    expect(calledAt).toEqual([700]);
    const refused = await kit.engine.recover(new RateLimitExceededError('api', 60_000, 10), {
      serviceId: 'api',
      strategies: ['exponential_backoff'],
      retryFn,
    });
    expect(refused).toMatchObject({ status: 'failed', attempts: 0 });
  });

  it('circuit break calls through the service breaker, which then fails fast', async () => {
    const breaker = createCircuitBreaker({ name: 'db', failureThreshold: 2 });
    const kit = recoveryKit({ breaker });
    let calls = 0;
    const context = {
      serviceId: 'db',
      strategies: ['circuit_break' as const],
      retryFn: async () => {
        calls++;
        throw reset();
      },
    };
    await kit.engine.recover(reset(), context);
    await kit.engine.recover(reset(), context);
    const third = await kit.engine.recover(reset(), context);
    expect(breaker.state).toBe('OPEN');
    expect(calls).toBe(2);
    expect(third.error).toBeInstanceOf(CircuitOpenError);
  });

  it('tries the next strategy in the same call when the chosen one fails, the fallback last', async () => {
    const kit = recoveryKit({ retry: { maxAttempts: 2, baseDelayMs: 0 } });
    const result = await kit.engine.recover(reset(), {
      serviceId: 'db',
      retryFn: async () => {
        throw reset();
      },
      fallbackFn: (error) => `cached after ${(error as Error).message}`,
    });
    expect(result.tried).toEqual(
      expect.arrayContaining(['retry', 'exponential_backoff', 'circuit_break']),
    );
    expect(result.tried[result.tried.length - 1]).toBe('fallback');
    expect(result).toMatchObject({
      status: 'success',
      strategy: 'fallback',
      result: 'cached after socket hang up',
    });
  });

  it('restores a checkpoint and resumes from it; a missing one fails', async () => {
    const kit = recoveryKit({ restore: async (id) => (id === 'job-1' ? { step: 3 } : undefined) });
    const resumed = await kit.engine.recover(new Error('crash'), {
      serviceId: 'jobs',
      checkpointId: 'job-1',
      strategies: ['checkpoint_restore'],
      resumeFn: (state) => `resumed at ${(state as { step: number }).step}`,
    });
    expect(resumed).toMatchObject({
      status: 'success',
      strategy: 'checkpoint_restore',
      result: 'resumed at 3',
    });
    const missing = await kit.engine.recover(new Error('crash'), {
      serviceId: 'jobs',
      checkpointId: 'nope',
      strategies: ['checkpoint_restore'],
    });
    expect(missing.status).toBe('failed');
    expect((missing.error as Error).message).toMatch(/No checkpoint "nope"/);
  });

  it('rolls back with rollbackFn', async () => {
    const kit = recoveryKit();
    const undone: unknown[] = [];
    const result = await kit.engine.recover(new Error('half done'), {
      serviceId: 'orders',
      rollbackFn: (error) => undone.push(error),
    });
    expect(result).toMatchObject({ status: 'success', strategy: 'transaction_rollback' });
    expect(undone).toHaveLength(1);
  });

  it("fails with strategy 'none' when nothing applies, keeping the original error", async () => {
    const kit = recoveryKit();
    const error = Object.assign(new Error('bad'), { status: 400 });
    const result = await kit.engine.recover(error, {
      serviceId: 'api',
      retryFn: async () => 'never',
    });
    expect(result).toMatchObject({
      status: 'failed',
      strategy: 'none',
      attempts: 0,
      error,
      tried: [],
    });
    expect(kit.totals.successRate).toBe(0);
  });
});
