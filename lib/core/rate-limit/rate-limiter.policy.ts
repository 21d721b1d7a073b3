import { systemClock } from '../clock/system-clock.js';
import { RateLimitExceededError } from '../errors/index.js';
import { TypedEventEmitter, type Listener, type Unsubscribe } from '../events/index.js';
import { abortOf, invokeGuarded, toExecutionContext } from '../policy/index.js';
import type { ExecuteOptions, GuardedFunction, Policy } from '../policy/index.js';
import type { ReconfigureResult } from '../policy/index.js';
import { OptionChecker } from '../validation/index.js';
import { adaptiveAdmissionFor, type AdaptiveAdmission } from './adaptive-admission.js';
import { checkRateLimitOptions } from './check-rate-limit-options.js';
import { limiterBackendFor } from './limiter-backend.js';
import type { InProcessRateLimitBackend, RateLimitOperations } from './rate-limit-backend.js';
import { DEFAULT_RATE_LIMIT_KEY, RATE_LIMIT_DEFAULTS } from './rate-limit-rule.js';
import { capacityOf, resolveRateLimitRule } from './rate-limit-rule.js';
import type { RateLimitRule } from './rate-limit-rule.js';
import type { RateLimitDecision, RateLimitOptions } from './rate-limit.options.js';
import type { RateLimiterEvents, RateLimiterStats } from './rate-limiter.events.js';
import {
  adaptiveAdmissionAfter,
  fixedRateLimitOptionsOf,
  resolveRateLimitReconfiguration,
  type EffectiveRateLimitOptions,
  type FixedRateLimitOptions,
} from './reconfigure-rate-limiter.js';

/**
 * Grants permits per key (per user, per IP, per tenant ...) under one rule, and runs calls
 * only with a permit. In a store shared with other limiters its buckets are named
 * `<name>:<key>`; while such a store fails, it follows `onStoreFailure`.
 *
 * @example
 * const limiter = createRateLimiter({ name: 'search', limit: 10, windowMs: 1_000 });
 * await limiter.execute(() => search(q), { key: userId }); // RateLimitExceededError when spent
 */
export class RateLimiterPolicy implements Policy {
  readonly name: string;
  /** The rule in force, replaced by {@link reconfigure}. */
  private configured: RateLimitRule;
  private readonly backend: RateLimitOperations;
  private readonly syncBackend: InProcessRateLimitBackend | undefined;
  private readonly closeBackend: () => Promise<void>;
  private readonly keyPrefix: string;
  private capacity: number;
  private adaptive: AdaptiveAdmission | undefined;
  private readonly fixed: FixedRateLimitOptions;
  /** Set while a shared store forgets the buckets of a replaced algorithm. */
  private resetting: Promise<void> | undefined;
  private readonly events = new TypedEventEmitter<RateLimiterEvents>();
  private allowedCount = 0;
  private limitedCount = 0;

  /** @throws ResilienceConfigError naming every invalid option. */
  constructor(options: RateLimitOptions = {}, store?: RateLimitOperations) {
    const checker = new OptionChecker();
    checkRateLimitOptions(options, checker);
    checker.throwIfInvalid();
    this.name = options.name ?? RATE_LIMIT_DEFAULTS.name;
    this.configured = resolveRateLimitRule(options);
    const setup = { ...options, name: this.name, clock: options.clock ?? systemClock };
    this.fixed = fixedRateLimitOptionsOf(setup);
    const { backend, close, shared } = limiterBackendFor(store, setup, this.events);
    this.backend = backend;
    this.closeBackend = close;
    this.syncBackend = backend.consumeNow ? (backend as InProcessRateLimitBackend) : undefined;
    this.keyPrefix = shared ? `${this.name}:` : '';
    this.capacity = capacityOf(this.configured);
    this.adaptive = adaptiveAdmissionFor(this.configured, setup, this.events);
  }

  /** The resolved rule (for `adaptive`, `limit` is the ceiling). */
  get rule(): RateLimitRule {
    return this.configured;
  }

  /**
   * Applies `options` from the next decision on. They are the complete new options (what
   * they leave out takes its default, as in `createRateLimiter`), checked with the same
   * rules; `name`, `clock`, `maxKeys` and `onStoreFailure` cannot change (left out, they
   * stay). The buckets stay while the algorithm does (the new limit and window judge what
   * they hold; an adaptive limit keeps its level within the new bounds); another algorithm
   * cannot read them, so they are forgotten (`restarted`). Emits `reconfigured`.
   * @throws ResilienceConfigError on invalid options, and then changes nothing.
   */
  reconfigure(options: RateLimitOptions): ReconfigureResult<EffectiveRateLimitOptions> {
    const next = resolveRateLimitReconfiguration(options, this.fixed);
    const previous = this.configured;
    const restarted = next.rule.algorithm !== previous.algorithm;
    this.configured = next.rule;
    this.capacity = capacityOf(next.rule);
    this.adaptive = adaptiveAdmissionAfter(this.adaptive, next.rule, next.options, this.events);
    if (restarted) this.forgetBuckets();
    const name = this.name;
    const result = { restarted, previous: { name, ...previous }, current: { name, ...next.rule } };
    if (this.events.hasListeners('reconfigured')) this.events.emit('reconfigured', result);
    return result;
  }

  /** The settings in force: the name and the rule. */
  effectiveOptions(): EffectiveRateLimitOptions {
    return { name: this.name, ...this.configured };
  }

  /** Listens to an event; returns a function that stops listening. */
  on<K extends keyof RateLimiterEvents>(
    event: K,
    listener: Listener<RateLimiterEvents[K]>,
  ): Unsubscribe {
    return this.events.on(event, listener);
  }

  /**
   * Takes `cost` permits for `key` when all are available (a cost of 0 only reads). Rejects
   * with `StoreUnavailableError` when the store fails and the limiter fails closed, and
   * with a `RangeError` for a cost that is not a whole number or exceeds the capacity.
   */
  consume(key: string = DEFAULT_RATE_LIMIT_KEY, cost = 1): Promise<RateLimitDecision> {
    try {
      return Promise.resolve(this.take(key, cost));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Runs `fn` with a permit for `options.key`; otherwise rejects with {@link RateLimitExceededError}. */
  execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    return this.executeReporting(fn, options, undefined);
  }

  /**
   * {@link execute}, telling `observer` the decision first, allowed or not: for callers that
   * report every decision (the Nest layer sets `RateLimit-*` headers from it). An in-process
   * decision is taken and told synchronously.
   */
  executeReporting<T>(
    fn: GuardedFunction<T>,
    options: ExecuteOptions | undefined,
    observer: RateLimitDecisionObserver | undefined,
  ): Promise<T> {
    const aborted = abortOf(options);
    if (aborted) return Promise.reject(aborted.reason);
    try {
      const taken = this.take(options?.key ?? DEFAULT_RATE_LIMIT_KEY, 1);
      if (!(taken instanceof Promise)) return this.runWithDecision(taken, fn, options, observer);
      return this.runOnceDecided(taken, fn, options, observer);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /**
   * Whether {@link admitNow} can decide now: not with a store that answers by promise, nor
   * during a reset, nor with an adaptive limit (which must hear each call's outcome).
   * @internal
   */
  decidesSynchronously(): boolean {
    return this.syncBackend !== undefined && !this.resetting && !this.adaptive;
  }

  /**
   * {@link executeReporting}'s decision without running the call, for a pipeline that runs
   * several in-process policies around one call; only when {@link decidesSynchronously}.
   * Throws the abort reason, or {@link RateLimitExceededError} after telling `observer`.
   * @internal
   */
  admitNow(options: ExecuteOptions, observer: RateLimitDecisionObserver | undefined): void {
    const aborted = abortOf(options);
    if (aborted) throw aborted.reason;
    const decision = this.take(options.key ?? DEFAULT_RATE_LIMIT_KEY, 1) as RateLimitDecision;
    this.passOrRefuse(decision, observer);
  }

  /** Feeds the adaptive limit one outcome of a guarded call (no effect for other algorithms). */
  recordOutcome(success: boolean): void {
    this.adaptive?.record(success);
  }

  /** Forgets one key's bucket; with no key, every bucket of this limiter and the adaptive limit. */
  async reset(key?: string): Promise<void> {
    if (key !== undefined) return this.backend.reset(this.keyPrefix + key);
    this.adaptive?.reset();
    await this.backend.resetAll(this.keyPrefix);
  }

  stats(): RateLimiterStats {
    const { name, configured: rule, allowedCount: allowed, limitedCount: limited } = this;
    const effectiveLimit = capacityOf(this.adaptive?.currentRule() ?? rule);
    const successRate = this.adaptive?.successRate() ?? null;
    return { name, algorithm: rule.algorithm, allowed, limited, effectiveLimit, successRate };
  }

  /** Stops housekeeping. A store passed in stays open: its owner closes it. */
  close(): Promise<void> {
    return this.closeBackend();
  }

  /** A decision: synchronous when the backend decides in process, else a promise. */
  private take(key: string, cost: number): RateLimitDecision | Promise<RateLimitDecision> {
    if (!Number.isInteger(cost) || cost < 0 || cost > this.capacity) {
      throw new RangeError(`cost must be a whole number from 0 to ${this.capacity}, got ${cost}`);
    }
    const rule = this.adaptive ? this.adaptive.currentRule() : this.configured;
    const bucketKey = this.keyPrefix + key;
    const sync = this.syncBackend;
    if (sync) return this.settle(key, cost, sync.consumeNow(bucketKey, rule, cost));
    return this.takeFromStore(key, bucketKey, rule, cost);
  }

  // This and `runOnceDecided` build the closures of a store's (asynchronous) decision. Written
  // in `take` or `executeReporting`, they would make V8 allocate a context on every call,
  // in-process decisions included.
  private takeFromStore(
    key: string,
    bucketKey: string,
    rule: RateLimitRule,
    cost: number,
  ): Promise<RateLimitDecision> {
    if (this.resetting) return this.resetting.then(() => this.take(key, cost));
    return this.backend.consume(bucketKey, rule, cost).then((d) => this.settle(key, cost, d));
  }

  private runOnceDecided<T>(
    decision: Promise<RateLimitDecision>,
    fn: GuardedFunction<T>,
    options: ExecuteOptions | undefined,
    observer: RateLimitDecisionObserver | undefined,
  ): Promise<T> {
    return decision.then((taken) => this.runWithDecision(taken, fn, options, observer));
  }

  /**
   * Forgets every bucket of this limiter. An in-process backend does it at once; a shared
   * store's decisions wait until it has, so none reads a bucket of the old algorithm.
   */
  private forgetBuckets(): void {
    const forgotten = this.backend.resetAll(this.keyPrefix).catch(() => undefined);
    if (this.syncBackend) return;
    const resetting = forgotten.then(() => {
      if (this.resetting === resetting) this.resetting = undefined;
    });
    this.resetting = resetting;
  }

  private settle(key: string, cost: number, decision: RateLimitDecision): RateLimitDecision {
    if (cost === 0) return decision;
    const event = decision.allowed ? 'allowed' : 'limited';
    if (decision.allowed) this.allowedCount++;
    else this.limitedCount++;
    const events = this.events;
    if (events.hasListeners(event)) events.emit(event, { name: this.name, key, decision });
    return decision;
  }

  /** Runs `fn` under `decision`: rejects when it refused, feeds the adaptive limit otherwise. */
  private runWithDecision<T>(
    decision: RateLimitDecision,
    fn: GuardedFunction<T>,
    options: ExecuteOptions | undefined,
    observer: RateLimitDecisionObserver | undefined,
  ): Promise<T> {
    try {
      this.passOrRefuse(decision, observer);
    } catch (error) {
      return Promise.reject(error);
    }
    const result = invokeGuarded(fn, toExecutionContext(options));
    return this.adaptive ? this.adaptive.observe(result) : result;
  }

  /** Tells `observer` the decision; a refusal throws {@link RateLimitExceededError}. */
  private passOrRefuse(
    decision: RateLimitDecision,
    observer: RateLimitDecisionObserver | undefined,
  ): void {
    observer?.onRateLimitDecision?.(decision);
    if (decision.allowed) return;
    const { retryAfterMs, limit, resetMs } = decision;
    throw new RateLimitExceededError(this.name, retryAfterMs, limit, 0, resetMs);
  }
}

/** Told every decision of a call run with {@link RateLimiterPolicy.executeReporting}. */
export interface RateLimitDecisionObserver {
  onRateLimitDecision?(decision: RateLimitDecision): void;
}
