import type { Observable, Observer, Subscription } from 'rxjs';
import type { ExecutionContext } from '../../core/index.js';
import { promiseSettledBy, type Settlers } from '../../core/policy/promise-settled-by.js';

/** What one successful attempt emitted; anything else a pipeline returns came from a fallback. */
export class CollectedValues<T> {
  // Most handlers emit one value: it is kept without an array, which costs more than the
  // rest of the attempt's bookkeeping.
  private count = 0;
  private first: T | undefined;
  private later: T[] | undefined;

  protected add(value: T): void {
    if (this.count++ === 0) this.first = value;
    else (this.later ??= []).push(value);
  }

  /** Emits the values, in order, to `observer`. */
  emitTo(observer: Pick<Observer<T>, 'next'>): void {
    if (this.count === 0) return;
    observer.next(this.first as T);
    if (this.later) for (const value of this.later) observer.next(value);
  }
}

/** Settles an attempt that the policies gave up on (timed out); nobody reads the reason. */
class AttemptAbandoned extends Error {
  constructor() {
    super('attempt abandoned: its call settled without it');
  }
}

/** One subscription to the source: buffers its values, settles once (with itself). */
class Attempt<T> extends CollectedValues<T> implements Observer<T>, Settlers<CollectedValues<T>> {
  subscription?: Subscription;
  settled = false;
  stopWatching?: () => void;
  /** Settle the attempt's promise (see {@link promiseSettledBy}). */
  resolve!: (values: CollectedValues<T>) => void;
  reject!: (error: unknown) => void;

  next(value: T): void {
    this.add(value);
  }

  error(error: unknown): void {
    if (this.settle()) this.reject(error);
  }

  complete(): void {
    if (this.settle()) this.resolve(this);
  }

  /** Stops the stream and rejects with `reason`, unless the attempt has settled already. */
  abandon(reason: unknown): void {
    if (!this.settle()) return;
    this.subscription?.unsubscribe();
    this.reject(reason);
  }

  private settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.stopWatching?.();
    return true;
  }
}

/**
 * The attempts of one call of an Observable method: each subscribes to a fresh source and
 * resolves with what it emitted once it completes, buffered so that a retried stream never
 * shows a failed attempt's values. An attempt still running when the next one starts or
 * the call settles (a timeout gave up on it) is unsubscribed and settled, so the stream
 * stops. That needs no `AbortSignal`, which a timeout then need not build per call.
 *
 * `abortsPromptly`: a policy inside the timeout holds something until the attempt settles
 * (a bulkhead's slot, a half-open probe), so an attempt also stops the moment its signal
 * aborts, as it would if the method had honoured the signal itself.
 */
export class ObservableAttempts<T> {
  private open?: Attempt<T>;

  constructor(
    private readonly source: () => Observable<T>,
    private readonly abortsPromptly: boolean,
  ) {}

  /** One attempt, as the pipeline's guarded function. */
  readonly attempt = (context: ExecutionContext): Promise<CollectedValues<T>> => {
    this.abandonOpenAttempt();
    const attempt = new Attempt<T>();
    const settlement = promiseSettledBy<CollectedValues<T>>(attempt);
    this.open = attempt;
    if (this.abortsPromptly) watchSignal(attempt, context.signal);
    if (attempt.settled) return settlement;
    try {
      attempt.subscription = this.source().subscribe(attempt);
    } catch (error) {
      attempt.error(error); // a method that throws before returning its Observable
      return settlement;
    }
    if (attempt.settled) attempt.subscription.unsubscribe();
    return settlement;
  };

  /** Stops the attempt still running, if any (call it once the call has settled). */
  abandonOpenAttempt(): void {
    const open = this.open;
    this.open = undefined;
    // An Error captures a stack: build one only for an attempt that is really abandoned.
    if (open && !open.settled) open.abandon(new AttemptAbandoned());
  }
}

function watchSignal<T>(attempt: Attempt<T>, signal: AbortSignal): void {
  if (signal.aborted) return attempt.abandon(signal.reason);
  const onAbort = (): void => attempt.abandon(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  attempt.stopWatching = () => signal.removeEventListener('abort', onAbort);
}
