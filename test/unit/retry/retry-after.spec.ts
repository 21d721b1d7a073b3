import { CircuitOpenError, RateLimitExceededError } from '../../../lib/core/errors/index.js';
import { parseRetryAfter, retryAfterMsOf } from '../../../lib/core/retry/index.js';

describe('retryAfterMsOf', () => {
  it('reads retryAfterMs from the errors that carry it', () => {
    expect(retryAfterMsOf(new CircuitOpenError('payments', 3_000), 0)).toBe(3_000);
    expect(retryAfterMsOf(new RateLimitExceededError('api', 1_500, 10), 0)).toBe(1_500);
  });

  it('reads a Retry-After header in seconds from axios- and fetch-shaped errors', () => {
    expect(retryAfterMsOf({ response: { status: 429, headers: { 'retry-after': '2' } } }, 0)).toBe(
      2_000,
    );
    const headers = new Headers({ 'Retry-After': '5' });
    expect(retryAfterMsOf({ status: 503, headers }, 0)).toBe(5_000);
  });

  it('reads an HTTP-date Retry-After relative to now', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 31 Dec 2029 00:00:00 GMT', now)).toBe(0);
  });

  it('says nothing for errors without one, or with garbage', () => {
    expect(retryAfterMsOf(new Error('x'), 0)).toBeUndefined();
    expect(retryAfterMsOf('boom', 0)).toBeUndefined();
    expect(retryAfterMsOf({ retryAfterMs: Number.NaN }, 0)).toBeUndefined();
    expect(retryAfterMsOf({ headers: { 'retry-after': 'soon' } }, 0)).toBeUndefined();
  });
});
