import {
  MIN_CHECKS_FOR_TREND,
  responseTimeStatsOf,
  successRateOf,
  trendOf,
} from '../../../lib/health/tracking/history-stats.js';
import { RingBuffer } from '../../../lib/health/tracking/ring-buffer.js';
import type { CheckRecord } from '../../../lib/health/dependency-status.js';

const checks = (pattern: string, ms: number[] = []): CheckRecord[] =>
  [...pattern].map((c, i) => ({ at: i, ok: c === '+', responseTimeMs: ms[i] ?? 10 }));

describe('trend', () => {
  it('is stable with too few checks to tell', () => {
    expect(trendOf(checks('--+'.slice(0, MIN_CHECKS_FOR_TREND - 1)))).toBe('stable');
  });

  it('is degrading when the newer half fails more', () => {
    expect(trendOf(checks('++++--+-'))).toBe('degrading');
  });

  it('is improving when the newer half passes more', () => {
    expect(trendOf(checks('--+-++++'))).toBe('improving');
  });

  it('is stable when the success rate moved less than a quarter', () => {
    expect(trendOf(checks('++++++-+++++'))).toBe('stable');
  });

  it('is degrading when passed checks got at least 1.5 times and 10 ms slower', () => {
    expect(trendOf(checks('++++', [20, 20, 40, 40]))).toBe('degrading');
    expect(trendOf(checks('++++', [2, 2, 4, 4]))).toBe('stable');
  });

  it('is improving when passed checks got that much faster', () => {
    expect(trendOf(checks('++++', [90, 90, 30, 30]))).toBe('improving');
  });
});

describe('history statistics', () => {
  it('success rate is 1 for no checks', () => {
    expect(successRateOf([])).toBe(1);
    expect(successRateOf(checks('+-+-'))).toBe(0.5);
  });

  it('response times: last, average, p95, max', () => {
    const times = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(responseTimeStatsOf(checks('+'.repeat(20), times))).toEqual({
      last: 20,
      average: 11,
      p95: 19,
      max: 20,
    });
    expect(responseTimeStatsOf([])).toEqual({});
  });
});

describe('RingBuffer', () => {
  it('keeps the newest items in order', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.last()).toBeUndefined();
    [1, 2, 3, 4, 5].forEach((n) => ring.push(n));
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.last()).toBe(5);
    expect(ring.size).toBe(3);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
