import type { OutcomeWindow } from './outcome-window.js';

const FAILED = 1;
const SLOW = 2;

/** The last `size` calls, in a ring of one byte per call. */
export class CountWindow implements OutcomeWindow {
  calls = 0;
  failures = 0;
  slowCalls = 0;
  private readonly ring: Uint8Array;
  private next = 0;

  constructor(private readonly size: number) {
    this.ring = new Uint8Array(size);
  }

  record(failed: boolean, slow: boolean, _now: number): void {
    if (this.calls === this.size) this.evict(this.ring[this.next]);
    else this.calls++;
    const outcome = (failed ? FAILED : 0) | (slow ? SLOW : 0);
    this.ring[this.next] = outcome;
    if (failed) this.failures++;
    if (slow) this.slowCalls++;
    this.next = this.next + 1 === this.size ? 0 : this.next + 1;
  }

  expire(_now: number): void {
    // Calls leave a count window only when newer calls push them out.
  }

  clear(): void {
    this.calls = 0;
    this.failures = 0;
    this.slowCalls = 0;
    this.next = 0;
  }

  private evict(outcome: number): void {
    if (outcome & FAILED) this.failures--;
    if (outcome & SLOW) this.slowCalls--;
  }
}
