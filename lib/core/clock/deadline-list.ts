import type { Clock, TimerHandle } from './clock.js';

/** An entry of a {@link DeadlineList}: the list links its entries through these fields. */
export interface ListedDeadline<E> {
  deadline: number;
  previous: E | undefined;
  next: E | undefined;
  /** True while the entry is in a list. */
  listed: boolean;
}

export interface DeadlineListOptions {
  /**
   * Whether entries in flight keep the process alive (a call's timeout must fire). Default
   * true; off for work that something else keeps alive anyway (a store command's socket).
   */
  keepsProcessAlive?: boolean;
}

/**
 * Calls in flight that share one duration, each expiring `ms` after it was added, with one
 * timer for all of them. Entries expire in the order they were added, so the timer only
 * ever waits for the oldest; a settled entry leaves the list at once.
 *
 * A timer per call (plus clearing it) costs more than everything else a timeout does, and
 * so would clearing and setting the shared timer whenever the list empties. So when nothing
 * is in flight the timer stays set but stops keeping the process alive (where the clock has
 * `keepAlive`; otherwise it is cleared). When it fires with nothing due it re-arms for the
 * oldest entry, or stops for good when the list is empty.
 */
export class DeadlineList<E extends ListedDeadline<E>> {
  private oldest: E | undefined;
  private newest: E | undefined;
  private timer: TimerHandle | undefined;
  private keepsAlive = false;
  private readonly keepsProcessAlive: boolean;
  /** Deadlines run on the monotonic clock: a wall clock set back must not delay them. */
  private readonly time: () => number;

  constructor(
    private readonly clock: Clock,
    /** How long an entry may stay before it expires. */
    readonly ms: number,
    /** Runs for each entry that expires, after it has left the list. */
    private readonly onExpire: (entry: E) => void,
    options: DeadlineListOptions = {},
  ) {
    this.keepsProcessAlive = options.keepsProcessAlive ?? true;
    this.time = clock.monotonicNow ? () => clock.monotonicNow!() : () => clock.now();
  }

  /** True when no entry is in flight. */
  get isEmpty(): boolean {
    return this.oldest === undefined;
  }

  /** Stops the timer; entries still listed leave as they are removed, and none expires. */
  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Adds `entry`, due `ms` from now. */
  add(entry: E): void {
    entry.deadline = this.time() + this.ms;
    entry.previous = this.newest;
    entry.next = undefined;
    entry.listed = true;
    if (this.newest) this.newest.next = entry;
    else this.oldest = entry;
    this.newest = entry;
    if (this.timer === undefined) this.arm(this.ms);
    else if (this.keepsProcessAlive && !this.keepsAlive) this.setKeepAlive(true);
  }

  /** Takes `entry` out (it settled); false when it had already left (it expired). */
  remove(entry: E): boolean {
    if (!entry.listed) return false;
    const { previous, next } = entry;
    if (previous) previous.next = next;
    else this.oldest = next;
    if (next) next.previous = previous;
    else this.newest = previous;
    entry.previous = entry.next = undefined;
    entry.listed = false;
    if (this.oldest === undefined) this.idle();
    return true;
  }

  private idle(): void {
    if (this.timer === undefined) return;
    if (!this.clock.keepAlive) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    } else if (this.keepsAlive) {
      this.setKeepAlive(false);
    }
  }

  private arm(delayMs: number): void {
    const unref = !this.keepsProcessAlive;
    this.timer = this.clock.setTimeout(this.expireDue, delayMs, { unref });
    this.keepsAlive = this.keepsProcessAlive;
  }

  private setKeepAlive(keepAlive: boolean): void {
    this.keepsAlive = keepAlive;
    this.clock.keepAlive?.(this.timer, keepAlive);
  }

  private readonly expireDue = (): void => {
    this.timer = undefined;
    const now = this.time();
    for (let entry = this.oldest; entry && entry.deadline <= now; entry = this.oldest) {
      this.remove(entry);
      this.onExpire(entry);
    }
    if (this.oldest) this.arm(this.oldest.deadline - now);
  };
}
