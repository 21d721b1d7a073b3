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

  snapshot(): FallbackLayerStats[] {
    return this.labels.map((layer, index) => {
      const attempts = this.attempts[index];
      const successes = this.successes[index];
      return { layer, attempts, successes, successRate: attempts === 0 ? 0 : successes / attempts };
    });
  }
}
