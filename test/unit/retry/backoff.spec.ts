import {
  applyJitter,
  backoffDelay,
  capDelay,
  decorrelatedBackoff,
  exponentialBackoff,
  fibonacciBackoff,
  fixedBackoff,
  linearBackoff,
  type BackoffKind,
  type JitterKind,
} from '../../../lib/core/retry/index.js';
import { seededRandom } from '../../../lib/core/chaos/index.js';

const settings = { baseDelayMs: 100, maxDelayMs: 1_000, multiplier: 2 };
const retries = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe('backoff delays before retry n', () => {
  it('fixed: the base every time', () => {
    expect(retries(4).map(() => fixedBackoff(settings))).toEqual([100, 100, 100, 100]);
  });

  it('linear: base × n, capped', () => {
    expect(retries(12).map((n) => linearBackoff(n, settings))).toEqual([
      100, 200, 300, 400, 500, 600, 700, 800, 900, 1_000, 1_000, 1_000,
    ]);
  });

  it('exponential: min(base × multiplier^(n−1), max)', () => {
    expect(retries(6).map((n) => exponentialBackoff(n, settings))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    expect(retries(4).map((n) => exponentialBackoff(n, { ...settings, multiplier: 3 }))).toEqual([
      100, 300, 900, 1_000,
    ]);
  });

  it('fibonacci: base × 1, 1, 2, 3, 5, 8 …, capped', () => {
    expect(retries(8).map((n) => fibonacciBackoff(n, { ...settings, maxDelayMs: 10_000 }))).toEqual(
      [100, 100, 200, 300, 500, 800, 1_300, 2_100],
    );
    expect(fibonacciBackoff(8, settings)).toBe(1_000);
  });

  it('decorrelated: between base and three times the previous delay, capped', () => {
    expect(decorrelatedBackoff(100, settings, () => 0)).toBe(100);
    expect(decorrelatedBackoff(100, settings, () => 0.5)).toBe(200);
    expect(decorrelatedBackoff(200, settings, () => 0.5)).toBe(350);
    expect(decorrelatedBackoff(900, settings, () => 0.99)).toBe(1_000);
  });

  it('keeps a zero base at zero (0 × Infinity would be NaN)', () => {
    const zero = { ...settings, baseDelayMs: 0 };
    expect(exponentialBackoff(5_000, zero)).toBe(0);
    expect(fibonacciBackoff(5_000, zero)).toBe(0);
    expect(decorrelatedBackoff(0, zero, () => 0.7)).toBe(0);
  });

  it('capDelay turns NaN and overflow into the cap and negatives into 0', () => {
    expect(capDelay(Number.NaN, 500)).toBe(500);
    expect(capDelay(Number.POSITIVE_INFINITY, 500)).toBe(500);
    expect(capDelay(-3, 500)).toBe(0);
  });
});

describe('jitter', () => {
  it('none keeps the delay; full scales it by random; equal keeps half and jitters half', () => {
    expect(applyJitter('none', 400, () => 0.5)).toBe(400);
    expect(applyJitter('full', 400, () => 0.25)).toBe(100);
    expect(applyJitter('equal', 400, () => 0.5)).toBe(300);
    expect(applyJitter('equal', 400, () => 0)).toBe(200);
  });
});

describe('delays after 10,000 attempts (cockatiel #86, Polly #2163)', () => {
  const kinds: BackoffKind[] = ['fixed', 'linear', 'exponential', 'fibonacci', 'decorrelated'];
  const jitters: JitterKind[] = ['none', 'full', 'equal'];

  it.each(kinds.flatMap((kind) => jitters.map((jitter) => [kind, jitter] as const)))(
    '%s with %s jitter is never NaN, negative or above the cap',
    (kind, jitter) => {
      const random = seededRandom(42);
      const wide = { baseDelayMs: 250, maxDelayMs: 60_000, multiplier: 7.5 };
      let previous = wide.baseDelayMs;
      for (let retry = 1; retry <= 10_000; retry++) {
        const backoff = backoffDelay(kind, retry, previous, wide, random);
        const delay = applyJitter(jitter, backoff, random);
        previous = backoff;
        if (!(Number.isFinite(delay) && delay >= 0 && delay <= wide.maxDelayMs)) {
          throw new Error(`retry ${retry}: delay ${delay}`);
        }
      }
    },
  );
});
