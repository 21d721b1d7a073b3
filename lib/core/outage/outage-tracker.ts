/** Told of the first failure of an outage, and of the store's first answer after it. */
export interface OutageReporter {
  failed(error: unknown): void;
  recovered(): void;
}

/**
 * Turns a stream of store answers and failures into one report per outage: the first
 * failure after an answer, and the first answer after a failure. Everything in between
 * costs a comparison, so callers may report every call.
 */
export class OutageTracker {
  private down = false;

  constructor(private readonly reporter: OutageReporter) {}

  /** True between a failure and the next answer. */
  get isDown(): boolean {
    return this.down;
  }

  failed(error: unknown): void {
    if (this.down) return;
    this.down = true;
    this.reporter.failed(error);
  }

  answered(): void {
    if (!this.down) return;
    this.down = false;
    this.reporter.recovered();
  }
}
