/**
 * One metric's samples, oldest first, in a fixed ring: at most `capacity` are kept and
 * samples older than the retention are dropped as new ones arrive.
 */
export class MetricSeries {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private head = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The most recent value, if any. */
  get last(): number | undefined {
    return this.count === 0 ? undefined : this.values[this.index(this.count - 1)];
  }

  /** When the most recent value was taken, if any. */
  get lastAt(): number | undefined {
    return this.count === 0 ? undefined : this.times[this.index(this.count - 1)];
  }

  push(at: number, value: number): void {
    if (this.count === this.capacity) {
      this.head = (this.head + 1) % this.capacity;
      this.count--;
    }
    const slot = this.index(this.count);
    this.times[slot] = at;
    this.values[slot] = value;
    this.count++;
  }

  /** Drops samples taken before `at`; returns how many. */
  dropBefore(at: number): number {
    let dropped = 0;
    while (this.count > 0 && this.times[this.head] < at) {
      this.head = (this.head + 1) % this.capacity;
      this.count--;
      dropped++;
    }
    return dropped;
  }

  /** Calls `visit` with each sample taken at or after `from`, oldest first. */
  forEachSince(from: number, visit: (at: number, value: number) => void): void {
    for (let i = 0; i < this.count; i++) {
      const slot = this.index(i);
      if (this.times[slot] >= from) visit(this.times[slot], this.values[slot]);
    }
  }

  private index(offset: number): number {
    return (this.head + offset) % this.capacity;
  }
}
