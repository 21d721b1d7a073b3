import type { FallbackLayerStats } from './fallback.events.js';

/** Attempt and success counters per layer, by position: one array write per event. */
export class LayerStats {
  private readonly attempts: number[];
  private readonly successes: number[];

  constructor(private readonly labels: readonly string[]) {
    this.attempts = labels.map(() => 0);
    this.successes = labels.map(() => 0);
  }

  attempted(index: number): void {
    this.attempts[index]++;
  }

  succeeded(index: number): void {
    this.successes[index]++;
  }

  /** Stats for a new chain of `labels`: a layer with a label seen here keeps its counts. */
  carriedInto(labels: readonly string[]): LayerStats {
    const next = new LayerStats(labels);
    labels.forEach((label, index) => {
      const from = this.labels.indexOf(label);
      if (from < 0) return;
      next.attempts[index] = this.attempts[from];
      next.successes[index] = this.successes[from];
    });
    return next;
  }

  snapshot(): FallbackLayerStats[] {
    return this.labels.map((layer, index) => {
      const attempts = this.attempts[index];
      const successes = this.successes[index];
      return { layer, attempts, successes, successRate: attempts === 0 ? 0 : successes / attempts };
    });
  }
}
