interface Bucket<T> {
  start: number;
  entries: Map<string, T>;
}

/**
 * Entries grouped by key in fixed time buckets, kept for `retentionMs`. Memory depends on
 * the number of buckets and keys, never on the event rate; past `maxKeys` distinct keys in
 * one bucket, new keys are folded into `overflowKey`.
 */
export class TimeBuckets<T> {
  private readonly buckets: Bucket<T>[] = [];

  constructor(
    private readonly create: () => T,
    private readonly options: {
      retentionMs: number;
      bucketMs: number;
      maxKeys: number;
      overflowKey: string;
    },
  ) {}

  /** Updates the entry of `key` in the bucket of time `at`. */
  add(at: number, key: string, update: (entry: T) => void): void {
    const bucket = this.bucketAt(at);
    if (!bucket) return;
    let entry = bucket.entries.get(key);
    if (!entry) {
      const target = bucket.entries.size < this.options.maxKeys ? key : this.options.overflowKey;
      entry = bucket.entries.get(target);
      if (!entry) bucket.entries.set(target, (entry = this.create()));
    }
    update(entry);
  }

  /** The entries of `key` in the buckets that overlap `[from, to)`, in time order. */
  entriesOf(key: string, from: number, to: number): T[] {
    const found: T[] = [];
    for (const bucket of this.buckets) {
      if (bucket.start + this.options.bucketMs <= from || bucket.start >= to) continue;
      const entry = bucket.entries.get(key);
      if (entry) found.push(entry);
    }
    return found;
  }

  /** Visits every entry of the buckets that overlap `[from, to)`. */
  forEach(from: number, to: number, visit: (key: string, entry: T, at: number) => void): void {
    for (const bucket of this.buckets) {
      if (bucket.start + this.options.bucketMs <= from || bucket.start >= to) continue;
      for (const [key, entry] of bucket.entries) visit(key, entry, bucket.start);
    }
  }

  private bucketAt(at: number): Bucket<T> | undefined {
    const { bucketMs, retentionMs } = this.options;
    const start = at - (at % bucketMs);
    const last = this.buckets[this.buckets.length - 1];
    if (last && last.start === start) return last;
    if (!last || start > last.start) {
      const bucket = { start, entries: new Map<string, T>() };
      this.buckets.push(bucket);
      while (this.buckets[0].start + retentionMs <= start) this.buckets.shift();
      return bucket;
    }
    // An event stamped in the past (replayed, or from a slow caller): find or insert its bucket.
    if (start + retentionMs <= last.start) return undefined;
    let index = this.buckets.length - 1;
    while (index >= 0 && this.buckets[index].start > start) index--;
    if (index >= 0 && this.buckets[index].start === start) return this.buckets[index];
    const bucket = { start, entries: new Map<string, T>() };
    this.buckets.splice(index + 1, 0, bucket);
    return bucket;
  }
}
