import {
  DeadlineList,
  StoreUnavailableError,
  systemClock,
  type Clock,
  type ListedDeadline,
} from '../../core/index.js';

/** Told how each watched command ended. */
export interface CommandObserver {
  answered(): void;
  failed(error: unknown): void;
}

/** A command in flight. */
interface Watched extends ListedDeadline<Watched> {
  readonly reject: (error: unknown) => void;
  readonly observer: CommandObserver;
}

/**
 * Fails every store command that has not answered within `timeoutMs`, with one timer for
 * all of them (never one per command; see {@link DeadlineList}). Answered commands leave
 * the list at once, so it holds only what is in flight. The timer is unref'd: a command in
 * flight has its socket to keep the process alive.
 */
export class DeadlineWatch {
  private readonly inFlight: DeadlineList<Watched>;

  constructor(
    private readonly timeoutMs: number,
    clock: Clock = systemClock,
  ) {
    const expire = (entry: Watched): void => this.expired(entry);
    this.inFlight = new DeadlineList(clock, timeoutMs, expire, { keepsProcessAlive: false });
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
      const entry: Watched = {
        deadline: 0,
        previous: undefined,
        next: undefined,
        listed: false,
        reject,
        observer,
      };
      this.inFlight.add(entry);
      const answered = (value: T): void => {
        if (!this.inFlight.remove(entry)) return;
        observer.answered();
        try {
          resolve(read === undefined ? (value as unknown as R) : read(value));
        } catch (error) {
          reject(error);
        }
      };
      const failed = (error: unknown): void => {
        if (!this.inFlight.remove(entry)) return;
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
    return !this.inFlight.isEmpty;
  }

  /** Stops the timer; commands still in flight settle as they answer. */
  stop(): void {
    this.inFlight.stop();
  }

  private expired(entry: Watched): void {
    const error = StoreUnavailableError.causedBy(
      new Error(`no answer within ${this.timeoutMs} ms`),
    );
    entry.observer.failed(error);
    entry.reject(error);
  }
}
