import { createCircuitBreaker } from '../../../lib/core/circuit-breaker/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { failTimes, succeed } from './breaker-test-kit.js';

/** A test clock that counts how often it is read. */
class CountingClock extends TestClock {
  reads = 0;
  override now(): number {
    this.reads++;
    return super.now();
  }
}

describe('CircuitBreakerPolicy clock reads', () => {
  it('reads no clock for a success when nothing needs the call’s duration', async () => {
    const clock = new CountingClock(1_000);
    const breaker = createCircuitBreaker({ failureThreshold: 3, clock });
    await succeed(breaker);
    const reads = clock.reads;
    await succeed(breaker);
    await succeed(breaker);
    expect(clock.reads).toBe(reads);
    expect(breaker.stats().successes).toBe(3);
  });

  it('reads the clock once per success when only failures are listened to', async () => {
    const clock = new CountingClock(1_000);
    const breaker = createCircuitBreaker({ clock });
    const durations: number[] = [];
    breaker.on('failure', ({ durationMs }) => durations.push(durationMs));
    await succeed(breaker);
    const reads = clock.reads;
    await succeed(breaker);
    expect(clock.reads).toBe(reads + 1);
    await breaker
      .execute(async () => {
        await clock.advance(25);
        throw new Error('down');
      })
      .catch(() => undefined);
    expect(durations).toEqual([25]);
  });

  it('starts and stops timing calls as duration listeners come and go', async () => {
    const clock = new CountingClock(1_000);
    const breaker = createCircuitBreaker({ clock });
    breaker.on('stateChange', () => undefined); // listened to, but not for durations
    await succeed(breaker);
    const durations: number[] = [];
    const stop = breaker.on('success', ({ durationMs }) => durations.push(durationMs));
    await breaker.execute(async () => {
      await clock.advance(40);
      return 'ok';
    });
    expect(durations).toEqual([40]);
    stop();
    const reads = clock.reads;
    await succeed(breaker);
    expect(clock.reads).toBe(reads);
  });

  it('reads no clock for counted failures told without their duration (failureCounted)', async () => {
    const clock = new CountingClock(1_000);
    const breaker = createCircuitBreaker({ failureThreshold: 10, clock });
    const counted: unknown[] = [];
    breaker.on('failureCounted', ({ name, error }) => counted.push([name, error]));
    await succeed(breaker);
    const reads = clock.reads;
    await succeed(breaker);
    const down = new Error('down');
    await breaker.execute(() => Promise.reject(down)).catch(() => undefined);
    expect(clock.reads).toBe(reads);
    expect(counted).toEqual([[breaker.name, down]]);
  });

  it('tells failureCounted nothing of errors isFailure ignores', async () => {
    const breaker = createCircuitBreaker({ isFailure: (error) => error !== 'ignored' });
    const counted: unknown[] = [];
    breaker.on('failureCounted', ({ error }) => counted.push(error));
    await breaker.execute(() => Promise.reject('ignored')).catch(() => undefined);
    await breaker.execute(() => Promise.reject('counted')).catch(() => undefined);
    expect(counted).toEqual(['counted']);
  });

  it('still opens at the time of the tripping failure', async () => {
    const clock = new CountingClock(1_000);
    const breaker = createCircuitBreaker({ failureThreshold: 3, recoveryTimeoutMs: 500, clock });
    await failTimes(breaker, 2);
    await clock.advance(250);
    await failTimes(breaker, 1);
    const stats = breaker.stats();
    expect([stats.state, stats.openedAt, stats.lastStateChangeAt]).toEqual(['OPEN', 1_250, 1_250]);
    await clock.advance(499);
    expect(breaker.state).toBe('OPEN');
    await clock.advance(1);
    expect(breaker.state).toBe('HALF_OPEN');
  });

  it('times calls when a listener wants durations or slow calls count', async () => {
    const clock = new TestClock();
    const listened = createCircuitBreaker({ clock });
    const durations: number[] = [];
    listened.on('success', ({ durationMs }) => durations.push(durationMs));
    await listened.execute(async () => {
      await clock.advance(40);
    });
    expect(durations).toEqual([40]);

    const slowCounting = createCircuitBreaker({ slowCallDurationMs: 30, clock });
    await slowCounting.execute(async () => {
      await clock.advance(30);
    });
    expect(slowCounting.stats().slowCalls).toBe(1);
  });

  it('reports an idle breaker as CLOSED since its creation without tracking anything', () => {
    const clock = new CountingClock(5_000);
    const breaker = createCircuitBreaker({ name: 'idle', clock });
    expect(breaker.state).toBe('CLOSED');
    expect(breaker.isIsolated).toBe(false);
    expect(clock.reads).toBe(1);
    clock.reads = 0;
    const stats = breaker.stats();
    expect([stats.name, stats.totalCalls, stats.lastStateChangeAt]).toEqual(['idle', 0, 5_000]);
  });

  it('keeps names apart when breakers share their settings', async () => {
    const clock = new TestClock();
    const a = createCircuitBreaker({ name: 'a', failureThreshold: 1, clock });
    const b = createCircuitBreaker({ name: 'b', failureThreshold: 1, clock });
    const changes: string[] = [];
    b.on('stateChange', ({ name, to }) => changes.push(`${name}:${to}`));
    await failTimes(b, 1);
    expect([a.state, b.state]).toEqual(['CLOSED', 'OPEN']);
    expect(changes).toEqual(['b:OPEN']);
    expect(a.effectiveOptions().name).toBe('a');
    a.reconfigure({ failureThreshold: 2 });
    expect([a.effectiveOptions().failureThreshold, b.effectiveOptions().failureThreshold]).toEqual([
      2, 1,
    ]);
  });
});
