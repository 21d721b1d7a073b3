import { Counter, Histogram, Registry } from 'prom-client';
import { TalliedCounter } from '../../../lib/metrics/tallied-counter.js';
import { TalliedHistogram } from '../../../lib/metrics/tallied-histogram.js';
import { quantileOfBuckets } from '../../../lib/metrics/latency-tally.js';

const BUCKETS = [0.005, 0.01, 0.1, 1];
const config = (registry: Registry, name: string) => ({
  name,
  help: 'help',
  labelNames: ['name', 'outcome'],
  registers: [registry],
});

describe('tallied metrics', () => {
  it("a tallied histogram prints exactly what prom-client's own histogram prints", async () => {
    const [ours, theirs] = [new Registry(), new Registry()];
    const tallied = new TalliedHistogram({ ...config(ours, 'latency'), buckets: BUCKETS });
    const plain = new Histogram({ ...config(theirs, 'latency'), buckets: BUCKETS });
    const observations: [string, string, number][] = [
      ['pay', 'success', 0.002],
      ['pay', 'success', 0.05],
      ['pay', 'failure', 3],
      ['quote', 'success', 0.01],
    ];
    for (const [name, outcome, seconds] of observations) {
      tallied.tally(name, outcome).observe(seconds);
      plain.observe({ name, outcome }, seconds);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    // As JSON (what the cluster aggregator reads) too; prom-client adds empty exemplars.
    const withoutExemplars = async (metric: { get(): Promise<{ values: object[] }> }) =>
      (await metric.get()).values.map(
        ({ exemplar: _exemplar, ...rest }: { exemplar?: unknown }) => rest,
      );
    expect(await withoutExemplars(tallied)).toEqual(await withoutExemplars(plain));
  });

  it('a tallied counter adds its numbers and its live sources, and keeps a detached source', async () => {
    const registry = new Registry();
    const counter = new TalliedCounter(config(registry, 'calls_total'));
    const tally = counter.tally('pay', 'success');
    tally.value += 3;
    let external = 5;
    const detach = tally.attach(() => external);
    counter.inc({ name: 'pay', outcome: 'failure' }, 2);
    expect(await registry.metrics()).toContain('calls_total{name="pay",outcome="success"} 8');
    expect(await registry.metrics()).toContain('calls_total{name="pay",outcome="failure"} 2');
    external = 7;
    detach();
    external = 100;
    expect((await counter.get()).values).toContainEqual({
      labels: { name: 'pay', outcome: 'success' },
      value: 10,
    });
    registry.resetMetrics();
    expect((await counter.get()).values).toContainEqual({
      labels: { name: 'pay', outcome: 'success' },
      value: 0,
    });
  });

  it('the same counter text as prom-client for the same counts', async () => {
    const [ours, theirs] = [new Registry(), new Registry()];
    new TalliedCounter(config(ours, 'c_total')).tally('a', 'success').value = 4;
    new Counter(config(theirs, 'c_total')).inc({ name: 'a', outcome: 'success' }, 4);
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it('reads a quantile from bucket counts', () => {
    expect(quantileOfBuckets(BUCKETS, [0, 0, 0, 0], 0, 0.95)).toBeNull();
    expect(quantileOfBuckets(BUCKETS, [90, 5, 4, 1], 100, 0.95)).toBe(10);
    expect(quantileOfBuckets(BUCKETS, [90, 5, 4, 1], 100, 0.5)).toBe(5);
    expect(quantileOfBuckets(BUCKETS, [1, 0, 0, 0], 3, 0.95)).toBe(Infinity);
  });
});
