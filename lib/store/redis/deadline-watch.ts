import {
  StoreUnavailableError,
  systemClock,
  type Clock,
  type TimerHandle,
} from '../../core/index.js';

/** Told how each watched command ended. */
export interface CommandObserver {
  answered(): void;
  failed(error: unknown): void;
}

/** A command in flight, linked in the order it was sent. */
interface Watched {
  deadline: number;
  reject: (error: unknown) => void;
  observer: CommandObserver;
  previous: Watched | undefined;
  next: Watched | undefined;
}

/**
 * Fails every store command that has not answered within `timeoutMs`, with one timer for
 * all of them (never one per command): commands share one timeout, so the oldest in flight
 * is always the first to expire, and a check every fifth of the timeout fails the expired
 * ones from the front. Answered commands leave the list at once, so it holds only what is
 * in flight. The timer is unref'd and only runs while commands are in flight.
 */
export class DeadlineWatch {
  private oldest: Watched | undefined;
  private newest: Watched | undefined;
  private timer: TimerHandle | undefined;
  private readonly tickMs: number;

  constructor(
    private readonly timeoutMs: number,
    private readonly clock: Clock = systemClock,
  ) {
    this.tickMs = Math.max(1, Math.ceil(timeoutMs / 5));
  }

  /**
   * `command`, or a {@link StoreUnavailableError} once it has taken longer than the
   * timeout; `observer` hears which (a late answer after a timeout is ignored). When the
   * command fails, `retry` may send another in its place (within the same deadline). `read`
   * turns the answer into the result here, rather than in one more `then` after it.
   */
  watch<T, R = T>(
    command: Promise<T>,
    observer: CommandObserver,
    retry?: (error: unknown) => Promise<T> | undefined,
    read?: (answer: T) => R,
  ): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const entry = this.append(reject, observer);
      const answered = (value: T): void => {
        if (!this.remove(entry)) return;
        observer.answered();
        try {
          resolve(read === undefined ? (value as unknown as R) : read(value));
        } catch (error) {
          reject(error);
        }
      };
      const failed = (error: unknown): void => {
        if (!this.remove(entry)) return;
        observer.failed(error);
        reject(error);
      };
      command.then(answered, (error: unknown) => {
        const again = retry?.(error);
        if (again) again.then(answered, failed);
        else failed(error);
      });
    });
  }

  /** Whether any watched command is still unanswered. */
  get busy(): boolean {
    return this.oldest !== undefined;
  }

  /** Stops the timer; commands still in flight settle as they answer. */
  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private append(reject: (error: unknown) => void, observer: CommandObserver): Watched {
    const deadline = this.clock.now() + this.timeoutMs;
    const entry: Watched = { deadline, reject, observer, previous: this.newest, next: undefined };
    if (this.newest) this.newest.next = entry;
    else this.oldest = entry;
    this.newest = entry;
    if (this.timer === undefined) this.schedule();
    return entry;
  }

  /** Unlinks `entry`; false when it had already left (timed out). */
  private remove(entry: Watched): boolean {
    const { previous, next } = entry;
    if (previous === undefined && next === undefined && this.oldest !== entry) return false;
    if (previous) previous.next = next;
    else this.oldest = next;
    if (next) next.previous = previous;
    else this.newest = previous;
    entry.previous = entry.next = undefined;
    return true;
  }

  private schedule(): void {
    this.timer = this.clock.setTimeout(() => this.check(), this.tickMs, { unref: true });
  }

  private check(): void {
    this.timer = undefined;
    const now = this.clock.now();
    for (let entry = this.oldest; entry && entry.deadline <= now; entry = this.oldest) {
      this.remove(entry);
      const error = new StoreUnavailableError(
        1_000,
        new Error(`no answer within ${this.timeoutMs} ms`),
      );
      entry.observer.failed(error);
      entry.reject(error);
    }
    if (this.oldest) this.schedule();
  }
}
