import { createKeyedCircuitBreaker } from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { ResilienceConfigError } from '../../../lib/core/errors/index.js';
import { rejectionOf } from '../circuit-breaker/breaker-test-kit.js';

describe('KeyedCircuitBreaker.reconfigure', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock(1_000);
  });

  function failFor(breakers: ReturnType<typeof createKeyedCircuitBreaker>, key: string) {
    return rejectionOf(
      breakers.execute(
        () => {
          throw new Error(`${key} down`);
        },
        { key },
      ),
    );
  }

  it('applies new thresholds to every existing breaker, keeping each one’s state', async () => {
    const breakers = createKeyedCircuitBreaker({ name: 'billing', failureThreshold: 3, clock });
    await failFor(breakers, 'a');
    await failFor(breakers, 'a');
    await failFor(breakers, 'b');
    const result = breakers.reconfigure({ failureThreshold: 2 });
    expect(result.restarted).toBe(false);
    expect(breakers.findBreaker('a')?.stats().consecutiveFailures).toBe(2);
    await failFor(breakers, 'b');
    expect(breakers.findBreaker('b')?.state).toBe('OPEN');
    expect(breakers.findBreaker('a')?.state).toBe('CLOSED');
    await failFor(breakers, 'a');
    expect(breakers.findBreaker('a')?.state).toBe('OPEN');
  });

  it('creates later breakers with the new options', async () => {
    const breakers = createKeyedCircuitBreaker({ failureThreshold: 5, clock });
    breakers.reconfigure({ failureThreshold: 1 });
    await failFor(breakers, 'new-tenant');
    expect(breakers.findBreaker('new-tenant')?.state).toBe('OPEN');
  });

  it('restarts every breaker when the window type changes', async () => {
    const breakers = createKeyedCircuitBreaker({ failureThreshold: 1, clock });
    await failFor(breakers, 'a');
    expect(breakers.findBreaker('a')?.state).toBe('OPEN');
    const reasons: string[] = [];
    breakers.on('stateChange', ({ name, reason }) => reasons.push(`${name} ${reason}`));
    const result = breakers.reconfigure({ slidingWindow: { type: 'count', size: 10 } });
    expect(result.restarted).toBe(true);
    expect(breakers.findBreaker('a')?.state).toBe('CLOSED');
    expect(reasons).toEqual(['default:a reconfigured']);
  });

  it('drops the least recently used breakers beyond a lower maxKeys', async () => {
    const breakers = createKeyedCircuitBreaker({ maxKeys: 3, clock });
    for (const key of ['a', 'b', 'c']) breakers.breakerFor(key);
    const { previous, current } = breakers.reconfigure({ maxKeys: 2 });
    expect([previous.maxKeys, current.maxKeys]).toEqual([3, 2]);
    expect(breakers.keys()).toEqual(['b', 'c']);
  });

  it('rejects invalid options, keeps its own name, and changes nothing', async () => {
    const breakers = createKeyedCircuitBreaker({ name: 'billing', failureThreshold: 2, clock });
    await failFor(breakers, 'a');
    expect(() => breakers.reconfigure({ failureThreshold: 1, maxKeys: 0 })).toThrow(
      ResilienceConfigError,
    );
    expect(() => breakers.reconfigure({ failureThreshold: 1, name: 'other' })).toThrow(
      ResilienceConfigError,
    );
    expect(() => breakers.reconfigure({ failureThreshold: -1 })).toThrow(ResilienceConfigError);
    expect(breakers.effectiveOptions()).toMatchObject({ name: 'billing', failureThreshold: 2 });
    await failFor(breakers, 'fresh');
    expect(breakers.findBreaker('fresh')?.state).toBe('CLOSED');
    await failFor(breakers, 'a');
    expect(breakers.findBreaker('a')?.state).toBe('OPEN');
  });

  it('emits one reconfigured event for all its keys', () => {
    const breakers = createKeyedCircuitBreaker({ name: 'billing', clock });
    for (const key of ['a', 'b']) breakers.breakerFor(key);
    const events: unknown[] = [];
    breakers.on('reconfigured', (event) => events.push(event));
    const result = breakers.reconfigure({ failureThreshold: 2 });
    expect(events).toEqual([result]);
    expect(result.current).toMatchObject({ name: 'billing', failureThreshold: 2, maxKeys: 10_000 });
  });
});
