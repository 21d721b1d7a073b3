import { DependencyState } from '../../../lib/health/tracking/dependency-state.js';
import type { CheckRecord } from '../../../lib/health/dependency-status.js';

const pass = (at = 0, responseTimeMs = 5): CheckRecord => ({ at, ok: true, responseTimeMs });
const fail = (at = 0, error = 'boom'): CheckRecord => ({ at, ok: false, responseTimeMs: 5, error });

function stateWith(failureThreshold: number, successThreshold: number, historySize = 10) {
  return new DependencyState({ failureThreshold, successThreshold }, historySize);
}

describe('DependencyState thresholds', () => {
  it('starts unknown and becomes healthy exactly at the success threshold', () => {
    const state = stateWith(3, 2);
    expect(state.status).toBe('unknown');
    expect(state.record(pass(1))).toBeUndefined();
    expect(state.status).toBe('unknown');
    expect(state.record(pass(2))).toEqual({ from: 'unknown', to: 'healthy' });
    expect(state.status).toBe('healthy');
  });

  it('goes unhealthy exactly at the failure threshold, never before', () => {
    const state = stateWith(3, 1);
    state.record(pass(1));
    expect(state.record(fail(2))).toBeUndefined();
    expect(state.record(fail(3))).toBeUndefined();
    expect(state.status).toBe('healthy');
    expect(state.record(fail(4))).toEqual({ from: 'healthy', to: 'unhealthy' });
    expect(state.view()).toMatchObject({
      status: 'unhealthy',
      statusChangedAt: 4,
      lastError: 'boom',
    });
  });

  it('a success between failures starts the count again', () => {
    const state = stateWith(2, 1);
    state.record(pass());
    state.record(fail());
    state.record(pass());
    state.record(fail());
    expect(state.status).toBe('healthy');
    state.record(fail());
    expect(state.status).toBe('unhealthy');
  });

  it('recovers only after consecutive successes, and a failure resets them', () => {
    const state = stateWith(1, 3);
    state.record(fail());
    state.record(pass());
    state.record(pass());
    state.record(fail());
    state.record(pass());
    state.record(pass());
    expect(state.status).toBe('unhealthy');
    expect(state.record(pass())).toEqual({ from: 'unhealthy', to: 'healthy' });
  });

  it('goes from unknown straight to unhealthy at the failure threshold', () => {
    const state = stateWith(2, 2);
    state.record(fail(1));
    expect(state.status).toBe('unknown');
    expect(state.record(fail(2))).toEqual({ from: 'unknown', to: 'unhealthy' });
  });

  it('reports counts, times and the last error', () => {
    const state = stateWith(5, 1);
    state.record(pass(10, 7));
    state.record(fail(20, 'ECONNREFUSED'));
    state.record(fail(30, 'timed out'));
    expect(state.view()).toMatchObject({
      consecutiveFailures: 2,
      consecutiveSuccesses: 0,
      lastCheckedAt: 30,
      lastSuccessAt: 10,
      lastFailureAt: 30,
      lastError: 'timed out',
      historySize: 3,
      successRate: 1 / 3,
    });
  });

  it('keeps a bounded history, oldest dropped first', () => {
    const state = stateWith(3, 1, 4);
    for (let at = 1; at <= 10; at++) state.record(pass(at));
    expect(state.checks().map((check) => check.at)).toEqual([7, 8, 9, 10]);
    expect(state.view().historySize).toBe(4);
  });
});
