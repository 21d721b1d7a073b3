import {
  createKeyedCircuitBreaker,
  type StateChangeEvent,
} from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { CircuitOpenError, ResilienceConfigError } from '../../../lib/core/errors/index.js';
import { rejectionOf } from './breaker-test-kit.js';

const boom = (): never => {
  throw new Error('boom');
};

describe('createKeyedCircuitBreaker', () => {
  let clock: TestClock;
  beforeEach(() => {
    clock = new TestClock();
  });

  it('keeps one breaker per key, so one failing tenant does not block the others', async () => {
    const breakers = createKeyedCircuitBreaker({ name: 'billing', failureThreshold: 2, clock });
    await rejectionOf(breakers.execute(boom, { key: 'acme' }));
    await rejectionOf(breakers.execute(boom, { key: 'acme' }));
    const error = await rejectionOf(breakers.execute(() => 'ok', { key: 'acme' }));
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect(error).toMatchObject({ breakerName: 'billing:acme' });
    await expect(breakers.execute(() => 'ok', { key: 'globex' })).resolves.toBe('ok');
    expect(breakers.breakerFor('acme').state).toBe('OPEN');
    expect(breakers.breakerFor('globex').state).toBe('CLOSED');
    expect(breakers.breakerFor('globex').name).toBe('billing:globex');
  });

  it('uses the key "default" for calls without one and passes the context through', async () => {
    const breakers = createKeyedCircuitBreaker({ clock });
    const context = await breakers.execute((ctx) => ctx, { attempt: 2 });
    expect(context.attempt).toBe(2);
    expect(breakers.keys()).toEqual(['default']);
    expect(breakers.breakerFor('default').name).toBe('default:default');
  });

  it('drops the least recently used breaker beyond maxKeys', async () => {
    const breakers = createKeyedCircuitBreaker({ failureThreshold: 1, maxKeys: 2, clock });
    await rejectionOf(breakers.execute(boom, { key: 'a' }));
    await breakers.execute(() => 'ok', { key: 'b' });
    await rejectionOf(breakers.execute(() => 'ok', { key: 'a' }));
    await breakers.execute(() => 'ok', { key: 'c' });
    expect(breakers.keys()).toEqual(['a', 'c']);
    expect(breakers.breakerFor('a').state).toBe('OPEN');
    expect(breakers.keys()).toEqual(['c', 'a']);
    await breakers.execute(() => 'ok', { key: 'b' });
    expect(breakers.keys()).toEqual(['a', 'b']);
    expect(breakers.breakerFor('b').stats().totalCalls).toBe(1);
  });

  it('finds a breaker without creating one or refreshing its use', async () => {
    const breakers = createKeyedCircuitBreaker({ maxKeys: 2, clock });
    const a = breakers.breakerFor('a');
    breakers.breakerFor('b');
    expect(breakers.findBreaker('a')).toBe(a);
    expect(breakers.findBreaker('missing')).toBeUndefined();
    breakers.breakerFor('c');
    expect(breakers.keys()).toEqual(['b', 'c']);
  });

  it('defaults maxKeys to 10,000', async () => {
    const breakers = createKeyedCircuitBreaker({ clock });
    for (let i = 0; i <= 10_000; i++) breakers.breakerFor(`tenant-${i}`);
    const keys = breakers.keys();
    expect(keys).toHaveLength(10_000);
    expect(keys[0]).toBe('tenant-1');
  });

  it('reports the events of every breaker, present and future, until unsubscribed', async () => {
    const breakers = createKeyedCircuitBreaker({ name: 'api', failureThreshold: 1, clock });
    await breakers.execute(() => 'ok', { key: 'early' });
    const changes: StateChangeEvent[] = [];
    const unsubscribe = breakers.on('stateChange', (event) => changes.push(event));
    await rejectionOf(breakers.execute(boom, { key: 'early' }));
    await rejectionOf(breakers.execute(boom, { key: 'late' }));
    expect(changes).toEqual([
      { name: 'api:early', from: 'CLOSED', to: 'OPEN', reason: 'consecutiveFailures' },
      { name: 'api:late', from: 'CLOSED', to: 'OPEN', reason: 'consecutiveFailures' },
    ]);
    unsubscribe();
    breakers.breakerFor('early').reset();
    await rejectionOf(breakers.execute(boom, { key: 'newest' }));
    expect(changes).toHaveLength(2);
  });

  it('reports the events of breakers created after subscribing to an empty group', async () => {
    const breakers = createKeyedCircuitBreaker({ name: 'api', failureThreshold: 1, clock });
    const changes: string[] = [];
    breakers.on('stateChange', ({ name, to }) => changes.push(`${name} ${to}`));
    await rejectionOf(breakers.execute(boom, { key: 'first' }));
    expect(changes).toEqual(['api:first OPEN']);
  });

  it('lists the stats of every breaker', async () => {
    const breakers = createKeyedCircuitBreaker({ name: 'x', clock });
    await breakers.execute(() => 'ok', { key: 'a' });
    await rejectionOf(breakers.execute(boom, { key: 'b' }));
    expect(
      breakers.stats().map(({ name, successes, failures }) => ({ name, successes, failures })),
    ).toEqual([
      { name: 'x:a', successes: 1, failures: 0 },
      { name: 'x:b', successes: 0, failures: 1 },
    ]);
  });

  it('validates its options once, naming maxKeys too', () => {
    let error: unknown;
    try {
      createKeyedCircuitBreaker({ maxKeys: 0, halfOpenMaxCalls: 0 });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ResilienceConfigError);
    expect((error as ResilienceConfigError).issues.map((issue) => issue.path)).toEqual([
      'halfOpenMaxCalls',
      'maxKeys',
    ]);
  });
});
