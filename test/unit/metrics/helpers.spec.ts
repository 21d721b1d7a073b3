import { prefersHtml } from '../../../lib/dashboard/prefers-html.js';
import { describeDuration } from '../../../lib/monitoring/describe-duration.js';
import { TimeBuckets } from '../../../lib/monitoring/time-buckets.js';
import { errorTypeOf } from '../../../lib/metrics/error-type.js';

describe('prefersHtml', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', true],
    ['application/json', false],
    ['*/*', false],
    [undefined, false],
    ['application/json, text/html;q=0.5', false],
    ['text/html;q=0.9, application/json;q=0.9', true],
    ['text/html;q=0', false],
  ])('%s → %s', (accept, html) => expect(prefersHtml(accept)).toBe(html));
});

describe('describeDuration', () => {
  it.each([
    [3_600_000, 'an hour'],
    [7_200_000, '2 hours'],
    [1_800_000, '30 minutes'],
    [60_000, 'a minute'],
    [86_400_000, 'a day'],
    [45_000, '45 seconds'],
    [250, '250 ms'],
  ])('%d ms → %s', (ms, text) => expect(describeDuration(ms)).toBe(text));
});

describe('errorTypeOf', () => {
  it('names errors by their name, other values by their type', () => {
    expect(errorTypeOf(new TypeError('x'))).toBe('TypeError');
    expect(errorTypeOf(Object.assign(new Error('x'), { name: 'AxiosError' }))).toBe('AxiosError');
    expect(errorTypeOf('boom')).toBe('string');
    expect(errorTypeOf({ status: 500 })).toBe('Object');
  });
});

describe('TimeBuckets', () => {
  const make = () =>
    new TimeBuckets(() => ({ count: 0 }), {
      retentionMs: 60_000,
      bucketMs: 10_000,
      maxKeys: 2,
      overflowKey: 'other',
    });
  const total = (buckets: ReturnType<typeof make>, from: number, to: number) => {
    const seen: Record<string, number> = {};
    buckets.forEach(from, to, (key, entry) => (seen[key] = (seen[key] ?? 0) + entry.count));
    return seen;
  };

  it('groups by key per bucket, folds keys beyond the limit, and drops what is past retention', () => {
    const buckets = make();
    for (const [at, key] of [
      [1_000, 'a'],
      [2_000, 'b'],
      [3_000, 'c'],
      [15_000, 'a'],
      [5_000, 'a'],
    ] as const) {
      buckets.add(at, key, (entry) => void entry.count++);
    }
    expect(total(buckets, 0, 20_000)).toEqual({ a: 3, b: 1, other: 1 });
    expect(total(buckets, 10_000, 20_000)).toEqual({ a: 1 });
    expect(buckets.entriesOf('a', 0, 20_000).map((e) => e.count)).toEqual([2, 1]);
    buckets.add(65_000, 'z', (entry) => void entry.count++);
    expect(total(buckets, 0, 100_000)).toEqual({ a: 1, z: 1 });
    buckets.add(75_000, 'z', (entry) => void entry.count++);
    expect(total(buckets, 0, 100_000)).toEqual({ z: 2 });
    buckets.add(1_000, 'late', (entry) => void entry.count++);
    expect(total(buckets, 0, 100_000)).toEqual({ z: 2 });
  });
});
