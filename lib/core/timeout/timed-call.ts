import type { DeadlineList, ListedDeadline } from '../clock/index.js';
import type { ExecuteOptions, ExecutionContext } from '../policy/index.js';
import type { Settlers } from '../policy/promise-settled-by.js';

/**
 * One call under a timeout: its place in the policy's {@link DeadlineList}, how it settles,
 * and the context its function receives. The function's signal is built only when the
 * function reads it: an AbortController costs far more than the rest of the timeout, and
 * most functions never look at it.
 */
export class TimedCall<T> implements ExecutionContext, ListedDeadline<TimedCall<T>>, Settlers<T> {
  deadline = 0;
  previous: TimedCall<T> | undefined;
  next: TimedCall<T> | undefined;
  listed = false;
  readonly attempt: number;
  readonly key?: string;
  readonly args?: readonly unknown[];
  private controller: AbortController | undefined;
  private abortion: { reason: unknown } | undefined;
  /** Listens to the caller's signal; built only for a call that has one. */
  private callerAborted: (() => void) | undefined;
  /** Settle the call's promise (built by `promiseSettledBy`): its outcome or the timeout's error. */
  resolve!: (value: T) => void;
  reject!: (error: unknown) => void;

  constructor(
    options: ExecuteOptions | undefined,
    private readonly deadlines: DeadlineList<TimedCall<T>>,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    this.attempt = options?.attempt ?? 1;
    this.key = options?.key;
    this.args = options?.args;
  }

  /** Aborted with the timeout's error, or with the caller's reason when the caller gives up. */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.abortion) this.controller.abort(this.abortion.reason);
    }
    return this.controller.signal;
  }

  /** Whether the call was aborted, known without building the signal. */
  abortedWith(): { reason: unknown } | undefined {
    return this.abortion;
  }

  /** Starts the clock (and listens to the caller's signal, if any). */
  start(): void {
    this.deadlines.add(this);
    if (this.callerSignal !== undefined) this.followCaller(this.callerSignal);
  }

  readonly succeeded = (value: T): void => {
    if (this.leave()) this.resolve(value);
  };

  readonly failed = (error: unknown): void => {
    if (this.leave()) this.reject(error);
  };

  /** The deadline passed (the list has already let the call go). */
  expired(error: unknown): void {
    this.stopFollowingCaller();
    this.abort(error);
    this.reject(error);
  }

  // Its own method: a closure built in `start` would make V8 allocate a context on every call.
  private followCaller(callerSignal: AbortSignal): void {
    this.callerAborted = () => this.followCallerAbort(callerSignal.reason);
    callerSignal.addEventListener('abort', this.callerAborted, { once: true });
  }

  private followCallerAbort(reason: unknown): void {
    if (!this.leave()) return;
    this.abort(reason);
    this.reject(reason);
  }

  /** Leaves the list; false when the call already ended another way. */
  private leave(): boolean {
    if (!this.deadlines.remove(this)) return false;
    this.stopFollowingCaller();
    return true;
  }

  private stopFollowingCaller(): void {
    if (this.callerAborted) this.callerSignal?.removeEventListener('abort', this.callerAborted);
  }

  private abort(reason: unknown): void {
    this.abortion = { reason };
    this.controller?.abort(reason);
  }
}
