import { jest } from '@jest/globals';
import {
  CircuitOpenError,
  KeyedCircuitBreaker,
  ResilienceConfigError,
  SharedCircuitBreakerPolicy,
  StoreUnavailableError,
  TestClock,
  type CircuitBreakerOptions,
  type SharedBreakerOperations,
} from '../../../lib/core/index.js';
import { MemoryBreakers } from '../../../lib/store/memory/memory-breakers.js';

/** A store's breaker operations that can be switched off, and counted. */
class SwitchableBreakers implements SharedBreakerOperations {
  down = false;
  calls = 0;
  constructor(private readonly inner: MemoryBreakers) {}
  private guard<T>(answer: () => Promise<T>): Promise<T> {
    this.calls++;
    return this.down ? Promise.reject(new Error('ECONNREFUSED')) : answer();
  }
  admit: SharedBreakerOperations['admit'] = (n, s) => this.guard(() => this.inner.admit(n, s));
  record: SharedBreakerOperations['record'] = (n, s, o) =>
    this.guard(() => this.inner.record(n, s, o));
  read: SharedBreakerOperations['read'] = (n, s) => this.guard(() => this.inner.read(n, s));
  transition: SharedBreakerOperations['transition'] = (n, s, c) =>
    this.guard(() => this.inner.transition(n, s, c));
}

/** Lets every promise reaction queued so far run (no time passes). */
const settleMicrotasks = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Holds every outcome sent to the store until released, counting those held. */
function holdRecords(store: SwitchableBreakers) {
  const record = store.record;
  const held: (() => void)[] = [];
  store.record = (name, spec, outcome) =>
    new Promise<void>((resolve) => held.push(resolve)).then(() => record(name, spec, outcome));
  return {
    get count() {
      return held.length;
    },
    releaseAll() {
      for (const release of held.splice(0)) release();
    },
  };
}

/** Two "processes": two breakers of the same name over one store. */
function fleet(options: CircuitBreakerOptions = {}) {
  const clock = new TestClock();
  const store = new SwitchableBreakers(new MemoryBreakers(clock));
  const make = () =>
    new SharedCircuitBreakerPolicy(
      { name: 'payments', failureThreshold: 2, recoveryTimeoutMs: 1_000, clock, ...options },
      store,
    );
  return { clock, store, a: make(), b: make() };
}

const fail = () => Promise.reject(new Error('503'));
const ok = () => 'ok';

describe('SharedCircuitBreakerPolicy', () => {
  it('opens in every process when one process sees the failures', async () => {
    const { a, b } = fleet();
    const seenByB: string[] = [];
    b.on('stateChange', ({ from, to, reason }) => seenByB.push(`${from}->${to} ${reason}`));
    await expect(b.execute(ok)).resolves.toBe('ok');
    for (let i = 0; i < 2; i++) await expect(a.execute(fail)).rejects.toThrow('503');
    expect(a.state).toBe('OPEN');
    const rejection = await b.execute(ok).catch((error: unknown) => error);
    expect(rejection).toBeInstanceOf(CircuitOpenError);
    expect((rejection as CircuitOpenError).retryAfterMs).toBe(1_000);
    expect(seenByB).toEqual(['CLOSED->OPEN consecutiveFailures']);
    expect(b.stats()).toMatchObject({ state: 'OPEN', rejected: 1, successes: 1, failures: 0 });
  });

  it('takes probe permits atomically across processes and closes everywhere', async () => {
    const { clock, a, b } = fleet();
    for (let i = 0; i < 2; i++) await a.execute(fail).catch(() => undefined);
    await clock.advance(1_000);
    let release!: () => void;
    const probe = a.execute(
      () => new Promise<string>((resolve) => (release = () => resolve('ok'))),
    );
    await clock.advance(0);
    await expect(b.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    await expect(probe).resolves.toBe('ok');
    expect(a.state).toBe('CLOSED');
    await expect(b.execute(ok)).resolves.toBe('ok');
    expect(b.state).toBe('CLOSED');
  });

  it('applies manual controls to every process once the store has them', async () => {
    const { clock, a, b } = fleet();
    await a.open();
    await expect(b.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    await a.isolate();
    await clock.advance(60_000);
    await expect(b.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(b.isIsolated).toBe(true);
    await a.reset();
    await expect(b.execute(ok)).resolves.toBe('ok');
    expect(await b.sync()).toBe('CLOSED');
  });

  it('reads the shared window into its stats', async () => {
    const { a, b } = fleet({
      failureThreshold: undefined,
      slidingWindow: { type: 'count', size: 10 },
    });
    await a.execute(fail).catch(() => undefined);
    await a.execute(ok);
    await b.execute(ok);
    await b.execute(ok);
    // A success's outcome is not waited for: the last answer b had was its permit's.
    await b.sync();
    expect(b.stats()).toMatchObject({
      failureRate: 25,
      successes: 2,
      failures: 0,
      healthScore: 83,
    });
  });

  it('answers a plain success without waiting for the store to record it', async () => {
    const { store, a, b } = fleet();
    const held = holdRecords(store);
    await expect(a.execute(ok)).resolves.toBe('ok');
    expect(held.count).toBe(1);
    held.releaseAll();
    await b.sync();
    expect(b.stats().successes).toBe(0);
    expect(a.stats().successes).toBe(1);
  });

  it('waits for the store to record a failure, a slow call and a probe’s verdict', async () => {
    const { clock, store, a } = fleet({ slowCallDurationMs: 50 });
    const held = holdRecords(store);
    /** The call settles only once its outcome, held until then, is released. */
    const expectToWaitForItsOutcome = async (call: () => Promise<unknown>) => {
      let done = false;
      const settled = call().then(
        () => (done = true),
        () => (done = true),
      );
      await settleMicrotasks();
      expect(held.count).toBe(1);
      expect(done).toBe(false);
      held.releaseAll();
      await settled;
    };
    await expectToWaitForItsOutcome(() => a.execute(fail));
    await expectToWaitForItsOutcome(() => a.execute(() => clock.advance(50).then(() => 'slow')));
    await expectToWaitForItsOutcome(() => a.execute(fail));
    await expectToWaitForItsOutcome(() => a.execute(fail));
    expect(a.state).toBe('OPEN');
    await clock.advance(1_000);
    await expectToWaitForItsOutcome(() => a.execute(ok));
    expect(a.state).toBe('CLOSED');
  });

  it('costs no round trip for an ignored error outside half-open', async () => {
    const { store, a } = fleet();
    const badRequest = Object.assign(new Error('bad'), { status: 400 });
    await a.execute(() => Promise.reject(badRequest)).catch(() => undefined);
    expect(store.calls).toBe(1);
    expect(a.stats()).toMatchObject({ ignored: 1, failures: 0 });
  });

  it('judges locally while the store fails, says so once, and uses the store again after', async () => {
    const { store, a, b } = fleet();
    const events: string[] = [];
    a.on('storeFailure', ({ error }) => events.push(`failure ${(error as Error).message}`));
    a.on('storeRecovered', () => events.push('recovered'));
    store.down = true;
    for (let i = 0; i < 2; i++) await a.execute(fail).catch(() => undefined);
    expect(a.state).toBe('OPEN');
    await expect(a.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    store.down = false;
    await expect(a.execute(ok)).resolves.toBe('ok');
    expect(a.state).toBe('CLOSED');
    await expect(b.execute(ok)).resolves.toBe('ok');
    expect(events).toEqual(['failure ECONNREFUSED', 'recovered']);
  });

  it('fail-open: while the store fails every call runs unjudged, and nothing opens', async () => {
    const { store, a } = fleet({ onStoreFailure: 'fail-open' });
    store.down = true;
    const failing = jest.fn(fail);
    for (let i = 0; i < 4; i++) await expect(a.execute(failing)).rejects.toThrow('503');
    expect(failing).toHaveBeenCalledTimes(4);
    expect(a.state).toBe('CLOSED');
    store.down = false;
    await expect(a.execute(ok)).resolves.toBe('ok');
    expect(a.stats()).toMatchObject({ successes: 1, failures: 0 });
  });

  it('fail-closed: while the store fails every call is refused with StoreUnavailableError', async () => {
    const { store, a } = fleet({ onStoreFailure: 'fail-closed' });
    store.down = true;
    const counted = jest.fn(ok);
    const refusal = await a.execute(counted).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreUnavailableError);
    expect(refusal).toMatchObject({ retryAfterMs: 1_000, cause: new Error('ECONNREFUSED') });
    expect(counted).not.toHaveBeenCalled();
    store.down = false;
    await expect(a.execute(counted)).resolves.toBe('ok');
    expect(counted).toHaveBeenCalledTimes(1);
  });

  it('keeps its onStoreFailure through a reconfiguration, and refuses to change it', async () => {
    const { store, a } = fleet({ onStoreFailure: 'fail-closed' });
    a.reconfigure({ failureThreshold: 3 });
    expect(() => a.reconfigure({ onStoreFailure: 'fail-open' })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'onStoreFailure' })] }),
    );
    store.down = true;
    await expect(a.execute(ok)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('keeps manual changes local when the store fails, without rejecting', async () => {
    const { store, a } = fleet();
    store.down = true;
    await expect(a.open()).resolves.toBeUndefined();
    expect(a.state).toBe('OPEN');
  });

  it('reopens a half-open breaker after 60 s without a verdict by default', async () => {
    const { clock, a, b } = fleet();
    await a.open();
    await clock.advance(1_000);
    void a.execute(() => new Promise(() => undefined));
    await clock.advance(59_999);
    await expect(b.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    await clock.advance(1);
    expect(await b.sync()).toBe('OPEN');
    expect(b.stats().state).toBe('OPEN');
    await clock.advance(1_000);
    await expect(b.execute(ok)).resolves.toBe('ok');
  });

  it('restarts the shared state when a reconfiguration changes the window', async () => {
    const { a, b } = fleet();
    for (let i = 0; i < 2; i++) await a.execute(fail).catch(() => undefined);
    const window = { slidingWindow: { type: 'count', size: 4 }, minimumCalls: 2 } as const;
    expect(a.reconfigure({ ...window, recoveryTimeoutMs: 1_000 }).restarted).toBe(true);
    expect(await a.sync()).toBe('CLOSED');
    expect(b.reconfigure({ ...window, recoveryTimeoutMs: 1_000 }).restarted).toBe(true);
    await expect(b.execute(ok)).resolves.toBe('ok');
    await a.execute(fail).catch(() => undefined);
    await expect(b.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(() => a.reconfigure({ adaptive: true })).toThrow(ResilienceConfigError);
  });

  it('refuses the adaptive threshold, which cannot be shared', () => {
    const store = new MemoryBreakers();
    expect(() => new SharedCircuitBreakerPolicy({ adaptive: true }, store)).toThrow(
      ResilienceConfigError,
    );
  });

  it('shares one breaker per key when a keyed breaker builds shared ones', async () => {
    const clock = new TestClock();
    const store = new MemoryBreakers(clock);
    const group = () =>
      new KeyedCircuitBreaker(
        { name: 'tenants', failureThreshold: 1, clock },
        (options) => new SharedCircuitBreakerPolicy(options, store),
      );
    const [a, b] = [group(), group()];
    await a.execute(fail, { key: 'acme' }).catch(() => undefined);
    await expect(b.execute(ok, { key: 'acme' })).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(b.execute(ok, { key: 'globex' })).resolves.toBe('ok');
    expect(b.breakerFor('acme').name).toBe('tenants:acme');
  });
});
