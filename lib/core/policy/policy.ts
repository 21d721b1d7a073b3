/** What a guarded function receives: the signal to honour and which attempt this is. */
export interface ExecutionContext {
  /** Aborted when a timeout fires or the caller gives up; pass it to fetch, DB clients ... */
  readonly signal: AbortSignal;
  /** 1 for the first call, 2 for the first retry, and so on. */
  readonly attempt: number;
  /** The partition key (per tenant, per user ...), when the caller gave one. */
  readonly key?: string;
  /**
   * The decorated method's arguments, for the policies that need them (a key function, a
   * fallback method); absent where no policy of the method does.
   */
  readonly args?: readonly unknown[];
}

/** Per-call options of {@link Policy.execute}. */
export interface ExecuteOptions {
  /** The caller's signal: aborting it rejects the call with the signal's reason. */
  signal?: AbortSignal;
  /** Partition key for keyed breakers and limiters. */
  key?: string;
  /** Set by an enclosing retry; callers leave it out. */
  attempt?: number;
  /** The decorated method's arguments (set by the Nest layer; policies pass it inward). */
  args?: readonly unknown[];
}

/** The function a policy protects. */
export type GuardedFunction<T> = (context: ExecutionContext) => T | PromiseLike<T>;

/** The kinds of policy, as named in options and in the composition order. */
export type PolicyKind =
  'fallback' | 'retry' | 'circuitBreaker' | 'rateLimit' | 'timeout' | 'bulkhead';

/** The one contract every policy implements; policies compose through it. */
export interface Policy {
  execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T>;
}

/** The default composition order, outermost first (DESIGN §2). */
export const DEFAULT_POLICY_ORDER: readonly PolicyKind[] = [
  'fallback',
  'retry',
  'circuitBreaker',
  'rateLimit',
  'timeout',
  'bulkhead',
];
