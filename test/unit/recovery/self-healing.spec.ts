import { PolicyTimeoutError, RateLimitExceededError, type RecoveryAttempt } from 'nestjs-bulwark';
import { recoveryKit } from './recovery-kit.js';

const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

describe('self-healing', () => {
  const heal = { strategies: ['self_heal' as const] };

  it('rate_limit waits the Retry-After, then calls again', async () => {
    const kit = recoveryKit();
    const calledAt: number[] = [];
    const pending = kit.engine.recover(new RateLimitExceededError('api', 2_500, 5), {
      serviceId: 'api',
      ...heal,
      retryFn: async () => calledAt.push(kit.clock.now()),
    });
    await kit.clock.advance(2_500);
    expect((await pending).status).toBe('success');
    expect(calledAt).toEqual([2_500]);
  });

  it('timeout calls once more with the timeout stretched by the multiplier', async () => {
    const kit = recoveryKit();
    const seen: RecoveryAttempt[] = [];
    const pending = kit.engine.recover(new PolicyTimeoutError(2_000), {
      serviceId: 'search',
      ...heal,
      retryFn: (attempt) => {
        seen.push(attempt);
        return new Promise(() => undefined);
      },
    });
    await kit.clock.advance(2_999);
    expect(seen[0]).toMatchObject({ strategy: 'self_heal', timeoutMs: 3_000 });
    expect(seen[0].signal?.aborted).toBe(false);
    await kit.clock.advance(1);
    const result = await pending;
    expect(result.status).toBe('failed');
    expect(seen[0].signal?.aborted).toBe(true);
  });

  it('resource_exhaustion runs the memory cleanup first; without one it does not apply', async () => {
    const order: string[] = [];
    const kit = recoveryKit({ memoryCleanup: async () => order.push('cleanup') });
    const oom = new RangeError('Invalid array length');
    await kit.engine.recover(oom, {
      serviceId: 'w',
      ...heal,
      retryFn: async () => order.push('retry'),
    });
    expect(order).toEqual(['cleanup', 'retry']);
    const none = await recoveryKit().engine.recover(oom, {
      serviceId: 'w',
      ...heal,
      retryFn: async () => 1,
    });
    expect(none.strategy).toBe('none');
  });

  it("connection runs the user's reconnect hooks in order, then calls again", async () => {
    const kit = recoveryKit();
    const order: string[] = [];
    kit.hooks.register('connection', async () => void order.push('reconnect pool'));
    const off = kit.hooks.register('connection', () => void order.push('removed'));
    kit.hooks.register(
      'connection',
      (_error, context) => void order.push(`reconnect ${context.serviceId}`),
    );
    off();
    await kit.engine.recover(reset(), {
      serviceId: 'redis',
      ...heal,
      retryFn: async () => order.push('retry'),
    });
    expect(order).toEqual(['reconnect pool', 'reconnect redis', 'retry']);
  });

  it("authentication refreshes the token with the user's hook; without a hook it does not apply", async () => {
    const unauthorized = Object.assign(new Error('Unauthorized'), { status: 401 });
    expect(
      (
        await recoveryKit().engine.recover(unauthorized, {
          serviceId: 'crm',
          retryFn: async () => 1,
        })
      ).strategy,
    ).toBe('none');
    const kit = recoveryKit();
    let token = 'old';
    kit.hooks.register('authentication', async () => void (token = 'fresh'));
    const result = await kit.engine.recover(unauthorized, {
      serviceId: 'crm',
      retryFn: async () => token,
    });
    expect(result).toMatchObject({ status: 'success', strategy: 'self_heal', result: 'fresh' });
  });

  it('a hook that throws makes self-healing fail and the next strategy run', async () => {
    const kit = recoveryKit();
    kit.hooks.register('authentication', () => {
      throw new Error('refresh failed');
    });
    const result = await kit.engine.recover(Object.assign(new Error('x'), { status: 401 }), {
      serviceId: 'crm',
      retryFn: async () => 'unused',
      fallbackFn: () => 'anonymous view',
    });
    expect(result).toMatchObject({
      status: 'success',
      strategy: 'fallback',
      tried: ['self_heal', 'fallback'],
    });
  });
});
