import type { SharedBreakerSpec } from '../../../lib/core/index.js';
import { spec } from './differential-cases.js';
import type { StoreUnderTest } from './store-under-test.js';

/** Shared breaker operations: the same scenarios, the same answers, from every store. */
export function breakerCases(get: () => StoreUnderTest): void {
  const consecutive = spec({ failureThreshold: 3, recoveryTimeoutMs: 1_000 });
  const ops = (breakerSpec: SharedBreakerSpec = consecutive, name = 'payments') => {
    const { store } = get();
    return {
      admit: () => store.breakers.admit(name, breakerSpec),
      record: (generation: number, kind: 'success' | 'failure' | 'ignored', slow = false) =>
        store.breakers.record(name, breakerSpec, { generation, kind, slow }),
      read: () => store.breakers.read(name, breakerSpec),
    };
  };
  const advance = (ms: number) => get().clock.set(get().clock.now() + ms);

  it('opens after the failure threshold and rejects until the recovery timeout', async () => {
    const breaker = ops();
    for (let i = 0; i < 3; i++) {
      const { snapshot } = await breaker.admit();
      await breaker.record(snapshot.generation, 'failure');
    }
    const opened = await breaker.read();
    expect(opened).toMatchObject({ state: 'OPEN', generation: 1, reason: 'consecutiveFailures' });
    expect(opened).toMatchObject({ consecutiveFailures: 3, calls: 3, failures: 3 });
    advance(400);
    expect(await breaker.admit()).toMatchObject({
      allowed: false,
      probe: false,
      retryAfterMs: 600,
    });
    advance(600);
    const probe = await breaker.admit();
    expect(probe).toMatchObject({ allowed: true, probe: true });
    expect(probe.snapshot).toMatchObject({ state: 'HALF_OPEN', reason: 'recoveryTimeout' });
  });

  it('lets exactly halfOpenMaxCalls probes through at once', async () => {
    const breaker = ops();
    const { store } = get();
    await store.breakers.transition('payments', consecutive, { to: 'HALF_OPEN', reason: 'forced' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => breaker.admit()));
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(2);
    expect(answers.filter((answer) => answer.probe)).toHaveLength(2);
    const ignored = answers.find((answer) => answer.allowed)!;
    await breaker.record(ignored.snapshot.generation, 'ignored');
    expect((await breaker.admit()).allowed).toBe(true);
    expect((await breaker.admit()).allowed).toBe(false);
  });

  it('closes after successThreshold probes with an empty window; a failed probe reopens', async () => {
    const breaker = ops();
    const { store } = get();
    await store.breakers.transition('payments', consecutive, { to: 'HALF_OPEN', reason: 'forced' });
    const first = await breaker.admit();
    const second = await breaker.admit();
    expect(await breaker.record(first.snapshot.generation, 'success')).toMatchObject({
      state: 'HALF_OPEN',
    });
    const closed = await breaker.record(second.snapshot.generation, 'success');
    expect(closed).toMatchObject({ state: 'CLOSED', reason: 'probesSucceeded', calls: 0 });
    await store.breakers.transition('payments', consecutive, { to: 'HALF_OPEN', reason: 'forced' });
    const probe = await breaker.admit();
    const reopened = await breaker.record(probe.snapshot.generation, 'failure');
    expect(reopened).toMatchObject({ state: 'OPEN', reason: 'probeFailed' });
  });

  it('ignores the outcome of a call admitted before the state changed', async () => {
    const breaker = ops();
    const early = await breaker.admit();
    for (let i = 0; i < 3; i++)
      await breaker.record((await breaker.admit()).snapshot.generation, 'failure');
    const after = await breaker.record(early.snapshot.generation, 'success');
    expect(after).toMatchObject({ state: 'OPEN', consecutiveFailures: 3 });
  });

  it('reopens a half-open breaker whose probes never answer', async () => {
    const hung = spec({
      recoveryTimeoutMs: 1_000,
      maxWaitInHalfOpenMs: 2_000,
      halfOpenMaxCalls: 1,
    });
    const breaker = ops(hung, 'hung');
    await get().store.breakers.transition('hung', hung, { to: 'HALF_OPEN', reason: 'forced' });
    expect((await breaker.admit()).allowed).toBe(true);
    advance(1_999);
    expect((await breaker.admit()).allowed).toBe(false);
    advance(1);
    expect(await breaker.read()).toMatchObject({ state: 'OPEN', reason: 'halfOpenTimeout' });
    advance(1_000);
    expect(await breaker.admit()).toMatchObject({ allowed: true, probe: true });
  });

  it('applies a transition only in the expected generation, and holds an isolated breaker', async () => {
    const { store } = get();
    const change = { to: 'OPEN', reason: 'isolated', isolate: true, ifGeneration: 5 } as const;
    const refused = await store.breakers.transition('payments', consecutive, change);
    expect(refused).toMatchObject({ applied: false, snapshot: { state: 'CLOSED', generation: 0 } });
    const applied = await store.breakers.transition('payments', consecutive, {
      ...change,
      ifGeneration: 0,
    });
    expect(applied).toMatchObject({ applied: true, snapshot: { state: 'OPEN', isolated: true } });
    advance(60_000);
    expect(await ops().admit()).toMatchObject({ allowed: false, retryAfterMs: 0 });
    await store.breakers.transition('payments', consecutive, {
      to: 'CLOSED',
      reason: 'manualClose',
    });
    expect(await ops().admit()).toMatchObject({ allowed: true, snapshot: { isolated: false } });
  });

  it('trips on the failure rate of a count window once minimumCalls are in it', async () => {
    const rate = spec({ mode: 'count', windowSize: 4, failureThreshold: 50, minimumCalls: 4 });
    const breaker = ops(rate, 'rate');
    for (const kind of ['failure', 'success', 'success', 'success', 'failure'] as const) {
      await breaker.record((await breaker.admit()).snapshot.generation, kind);
    }
    expect(await breaker.read()).toMatchObject({ state: 'CLOSED', calls: 4, failures: 1 });
    const tripped = await breaker.record((await breaker.admit()).snapshot.generation, 'failure');
    expect(tripped).toMatchObject({ state: 'OPEN', reason: 'failureRate', calls: 4, failures: 2 });
  });

  it('judges with the settings each call brings; another window starts empty', async () => {
    const strict = spec({ failureThreshold: 4 });
    const lenient = ops(strict, 'respec');
    for (let i = 0; i < 2; i++) {
      await lenient.record((await lenient.admit()).snapshot.generation, 'failure');
    }
    const tighter = ops(spec({ failureThreshold: 3 }), 'respec');
    expect(await tighter.read()).toMatchObject({
      state: 'CLOSED',
      consecutiveFailures: 2,
      calls: 2,
    });
    const tripped = await tighter.record((await tighter.admit()).snapshot.generation, 'failure');
    expect(tripped).toMatchObject({ state: 'OPEN', reason: 'consecutiveFailures' });
    const counted = ops(spec({ mode: 'count', windowSize: 5, failureThreshold: 90 }), 'respec');
    expect(await counted.read()).toMatchObject({ state: 'OPEN', calls: 0, consecutiveFailures: 0 });
  });

  it('lets outcomes leave a time window after its seconds', async () => {
    const timed = spec({ mode: 'time', windowSize: 2, failureThreshold: 100, minimumCalls: 10 });
    const breaker = ops(timed, 'timed');
    get().clock.set(5_000_100);
    await breaker.record((await breaker.admit()).snapshot.generation, 'failure', true);
    advance(1_000);
    await breaker.record((await breaker.admit()).snapshot.generation, 'success');
    expect(await breaker.read()).toMatchObject({ calls: 2, failures: 1, slowCalls: 1 });
    advance(1_000);
    expect(await breaker.read()).toMatchObject({ calls: 1, failures: 0, slowCalls: 0 });
    advance(5_000);
    expect(await breaker.read()).toMatchObject({ calls: 0 });
  });
}
