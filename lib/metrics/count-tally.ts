/** Label values of one series, by label name. */
export type SeriesLabels = Readonly<Record<string, string>>;

/**
 * One counter series. The hot path increments `value` (a plain number, no allocation);
 * sources are counts kept elsewhere (a limiter's own counters), read at scrape time.
 */
export class CountTally {
  value = 0;
  private readonly sources: (() => number)[] = [];

  constructor(readonly labels: SeriesLabels) {}

  /** The series' total: what was added plus every live source. */
  read(): number {
    let total = this.value;
    for (const source of this.sources) total += source();
    return total;
  }

  /** Adds a live source; detaching keeps its last reading, so the counter never goes down. */
  attach(source: () => number): () => void {
    this.sources.push(source);
    return () => {
      const index = this.sources.indexOf(source);
      if (index < 0) return;
      this.sources.splice(index, 1);
      this.value += source();
    };
  }

  /** Back to zero (`registry.resetMetrics()`), sources included. */
  reset(): void {
    this.value = 0;
    for (const source of this.sources) this.value -= source();
  }
}
