import { Histogram, type HistogramConfiguration } from 'prom-client';
import { LatencyTally } from './latency-tally.js';

/** One exported sample in the shape prom-client's own histograms produce. */
interface ExportedSample {
  labels: Record<string, string | number>;
  sharedLabels: Record<string, string>;
  value: number;
  metricName: string;
}

interface ExportedHistogram {
  name: string;
  values: ExportedSample[];
}

/**
 * The registry formats a histogram through `getForPromString()`, which prom-client's types
 * do not declare; `get()` calls it too. Reading the base version lets this class append
 * its own series in exactly the shape prom-client uses.
 */
const baseExport = (
  Histogram.prototype as unknown as {
    getForPromString(this: Histogram<string>): Promise<ExportedHistogram>;
  }
).getForPromString;

/**
 * A prom-client `Histogram` whose series are {@link LatencyTally} objects: callers keep the
 * tally of their series and observe into plain numbers; buckets, sum and count are
 * exported when the registry is scraped.
 */
export class TalliedHistogram extends Histogram<string> {
  private readonly labelList: readonly string[];
  private readonly bounds: readonly number[];
  private readonly tallies = new Map<string, LatencyTally>();

  constructor(
    configuration: Omit<HistogramConfiguration<string>, 'buckets'> & { buckets: readonly number[] },
  ) {
    super({ ...configuration, buckets: [...configuration.buckets] });
    this.labelList = configuration.labelNames ?? [];
    this.bounds = configuration.buckets;
  }

  /** The tally of the series with these label values (in label order), created empty. */
  tally(...values: string[]): LatencyTally {
    const key = values.join('\u0000');
    let tally = this.tallies.get(key);
    if (!tally) {
      const labels = Object.fromEntries(this.labelList.map((n, i) => [n, values[i]]));
      tally = new LatencyTally(labels, this.bounds);
      this.tallies.set(key, tally);
    }
    return tally;
  }

  /** The tally of these label values if it exists (never creates a series). */
  find(...values: string[]): LatencyTally | undefined {
    return this.tallies.get(values.join('\u0000'));
  }

  /** The label values of every series, in label order. */
  seriesLabels(): string[][] {
    return [...this.tallies.keys()].map((key) => key.split('\u0000'));
  }

  /** @internal Called by the registry (text format) and by `get()`. */
  async getForPromString(): Promise<ExportedHistogram> {
    const base = await baseExport.call(this);
    const samples = [...this.tallies.values()].flatMap((t) => exportTally(base.name, t));
    return { ...base, values: [...base.values, ...samples] };
  }

  override reset(): void {
    super.reset();
    // prom-client's constructor calls reset() before this class's fields exist.
    this.tallies?.forEach((tally) => tally.reset());
  }
}

function exportTally(name: string, tally: LatencyTally): ExportedSample[] {
  const shared = tally.labels;
  let cumulative = 0;
  const buckets = tally.bounds.map((le, i) => {
    cumulative += tally.buckets[i];
    return {
      labels: { le },
      sharedLabels: shared,
      value: cumulative,
      metricName: `${name}_bucket`,
    };
  });
  return [
    ...buckets,
    {
      labels: { le: '+Inf' },
      sharedLabels: shared,
      value: tally.count,
      metricName: `${name}_bucket`,
    },
    { labels: {}, sharedLabels: shared, value: tally.sum, metricName: `${name}_sum` },
    { labels: {}, sharedLabels: shared, value: tally.count, metricName: `${name}_count` },
  ];
}
