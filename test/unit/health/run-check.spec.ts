import { TestClock, flushPromises } from 'nestjs-bulwark/testing';
import { runCheck } from '../../../lib/health/checks/run-check.js';
import { resolveDependency } from '../../../lib/health/resolve-dependency.js';
import type { DependencyCheckFunction } from '../../../lib/health/dependency-options.js';

const defaults = {
  defaultTimeoutMs: 100,
  defaultIntervalMs: 1_000,
  defaultFailureThreshold: 1,
  defaultSuccessThreshold: 1,
};
const custom = (check: DependencyCheckFunction) =>
  resolveDependency({ name: 'x', type: 'other', healthCheck: { check } }, defaults);

describe('runCheck with a custom check', () => {
  it('passes and times the check on the clock', async () => {
    const clock = new TestClock(1_000);
    const pending = runCheck(
      custom(() => new Promise((resolve) => clock.setTimeout(() => resolve(true), 30))),
      clock,
    );
    await clock.advance(30);
    expect(await pending).toEqual({ at: 1_000, ok: true, responseTimeMs: 30 });
    expect(clock.pendingTimers).toBe(0);
  });

  it('fails on false, on a throw and on a rejection, with the reason', async () => {
    const clock = new TestClock();
    expect(
      await runCheck(
        custom(() => false),
        clock,
      ),
    ).toMatchObject({ ok: false, error: 'check returned false' });
    expect(
      await runCheck(
        custom(() => {
          throw new Error('no route');
        }),
        clock,
      ),
    ).toMatchObject({ ok: false, error: 'no route' });
    expect(
      await runCheck(
        custom(async () => Promise.reject(new Error('EPIPE'))),
        clock,
      ),
    ).toMatchObject({
      ok: false,
      error: 'EPIPE',
    });
  });

  it('fails at its timeout even when the check ignores the signal, and aborts the signal', async () => {
    const clock = new TestClock();
    let signal: AbortSignal | undefined;
    const pending = runCheck(
      custom((context) => {
        signal = context.signal;
        return new Promise(() => undefined);
      }),
      clock,
    );
    await clock.advance(99);
    expect(signal?.aborted).toBe(false);
    await clock.advance(1);
    expect(await pending).toEqual({
      at: 0,
      ok: false,
      responseTimeMs: 100,
      error: 'timed out after 100 ms',
    });
    expect(signal?.aborted).toBe(true);
  });

  it('stops at once when the app stops', async () => {
    const clock = new TestClock();
    const stop = new AbortController();
    const pending = runCheck(
      custom(() => new Promise(() => undefined)),
      clock,
      stop.signal,
    );
    await flushPromises();
    stop.abort();
    expect(await pending).toMatchObject({
      ok: false,
      error: expect.stringContaining('shutting down'),
    });
    expect(clock.pendingTimers).toBe(0);
  });
});
