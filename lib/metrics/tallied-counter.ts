import { Counter, type CounterConfiguration } from 'prom-client';
import { CountTally } from './count-tally.js';

/**
 * A prom-client `Counter` whose series are {@link CountTally} objects: callers keep the
 * tally of their series and increment a number, and the values are read when the registry
 * is scraped. Anything counted with the ordinary `inc()` is reported too.
 */
export class TalliedCounter extends Counter<string> {
  private readonly labelList: readonly string[];
  private readonly tallies = new Map<string, CountTally>();

  constructor(configuration: CounterConfiguration<string>) {
    super(configuration);
    this.labelList = configuration.labelNames ?? [];
  }

  /** The tally of the series with these label values (in label order), created at zero. */
  tally(...values: string[]): CountTally {
    const key = values.join('\u0000');
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = new CountTally(Object.fromEntries(this.labelList.map((n, i) => [n, values[i]])));
      this.tallies.set(key, tally);
    }
    return tally;
  }

  override async get(): ReturnType<Counter<string>['get']> {
    const base = await super.get();
    const tallied = [...this.tallies.values()].map((t) => ({ labels: t.labels, value: t.read() }));
    return { ...base, values: [...base.values, ...tallied] };
  }

  override reset(): void {
    super.reset();
    // prom-client's constructor calls reset() before this class's fields exist.
    this.tallies?.forEach((tally) => tally.reset());
  }
}
