import type { OutcomeWindow } from './outcome-window.js';

const BUCKET_MS = 1_000;

/**
 * The calls of the last `seconds` seconds, in one-second buckets aligned to the clock's
 * whole seconds: a call recorded during second `s` leaves the window when second
 * `s + seconds` begins.
 */
export class TimeWindow implements OutcomeWindow {
  calls = 0;
  failures = 0;
  slowCalls = 0;
  private readonly bucketCalls: Uint32Array;
  private readonly bucketFailures: Uint32Array;
  private readonly bucketSlowCalls: Uint32Array;
  /** The newest second the buckets describe. */
  private headSecond = -Infinity;

  constructor(private readonly seconds: number) {
    this.bucketCalls = new Uint32Array(seconds);
    this.bucketFailures = new Uint32Array(seconds);
    this.bucketSlowCalls = new Uint32Array(seconds);
  }

  record(failed: boolean, slow: boolean, now: number): void {
    this.expire(now);
    const slot = this.slotOf(this.headSecond);
    this.bucketCalls[slot]++;
    this.calls++;
    if (failed) {
      this.bucketFailures[slot]++;
      this.failures++;
    }
    if (slow) {
      this.bucketSlowCalls[slot]++;
      this.slowCalls++;
    }
  }

  expire(now: number): void {
    const second = Math.floor(now / BUCKET_MS);
    // A clock that steps back keeps recording into the newest bucket.
    if (second <= this.headSecond) return;
    if (second - this.headSecond >= this.seconds) this.clear();
    else for (let s = this.headSecond + 1; s <= second; s++) this.evictSlot(this.slotOf(s));
    this.headSecond = second;
  }

  clear(): void {
    this.bucketCalls.fill(0);
    this.bucketFailures.fill(0);
    this.bucketSlowCalls.fill(0);
    this.calls = 0;
    this.failures = 0;
    this.slowCalls = 0;
  }

  private slotOf(second: number): number {
    const slot = second % this.seconds;
    return slot < 0 ? slot + this.seconds : slot;
  }

  private evictSlot(slot: number): void {
    this.calls -= this.bucketCalls[slot];
    this.failures -= this.bucketFailures[slot];
    this.slowCalls -= this.bucketSlowCalls[slot];
    this.bucketCalls[slot] = 0;
    this.bucketFailures[slot] = 0;
    this.bucketSlowCalls[slot] = 0;
  }
}
