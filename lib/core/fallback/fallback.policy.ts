import { systemClock, type Clock } from '../clock/index.js';
import { FallbackError } from '../errors/index.js';
import { TypedEventEmitter, type Listener, type Unsubscribe } from '../events/index.js';
import {
  invokeGuarded,
  throwIfAborted,
  toExecutionContext,
  type ExecuteOptions,
  type ExecutionContext,
  type GuardedFunction,
  type Policy,
  type ReconfigureResult,
} from '../policy/index.js';
import { OptionChecker } from '../validation/index.js';
import { keepFixedOptions } from '../validation/keep-fixed-options.js';
import { checkFallbackOptions } from './check-fallback-options.js';
import { cacheAfter, type EffectiveFallbackOptions } from './fallback-cache.js';
import { chainLayersOf, type ChainLayer } from './fallback-layers.js';
import type { FallbackEvents, FallbackLayerStats } from './fallback.events.js';
import type { FallbackOptions, FallbackResult } from './fallback.options.js';
import type { CacheScope, LastGoodResultCache } from './last-good-result-cache.js';
import { LayerStats } from './layer-stats.js';

const PRIMARY = 0;

/**
 * Answers a failed call from an ordered chain of layers: a function, the last good result
 * (fresh within `ttlMs`, then stale within `staleTtlMs` more, with a warning), a default
 * value, and a degraded-mode value served only while `isDegraded()`. Without `layers` the
 * order is `fallback`, cache, `defaultValue`, `degradedValue` (those configured).
 *
 * - The cache keeps each key's (`options.key`, else `'default'`) last successful primary
 *   result, at most `cache.maxEntries` keys (default 1,000; the oldest is evicted).
 * - An error `shouldFallback` refuses is rethrown as it is; so is a caller's abort reason.
 * - When every layer fails (or has nothing), the call rejects with {@link FallbackError}
 *   listing every error in the order tried, the primary's first.
 * - A call answers from the chain that was in force when it started, whatever
 *   `reconfigure` does meanwhile.
 *
 * @example
 * const fallback = createFallback({ cache: { ttlMs: 60_000, staleTtlMs: 600_000 }, defaultValue: [] });
 * const { value, source, warnings } = await fallback.executeWithSource(() => loadPrices(), { key: region });
 */
export class FallbackPolicy<V = unknown> implements Policy {
  private layers: ChainLayer[];
  private cache?: LastGoodResultCache;
  private stats: LayerStats;
  private shouldFallback: (error: unknown) => boolean;
  private readonly clock: Clock;
  private readonly events = new TypedEventEmitter<FallbackEvents>();

  /** @throws ResilienceConfigError naming every invalid option. */
  constructor(options: FallbackOptions<V> = {}) {
    const checker = new OptionChecker('fallback');
    checkFallbackOptions(options, checker);
    checker.throwIfInvalid();
    this.clock = options.clock ?? systemClock;
    this.cache = cacheAfter(undefined, options as FallbackOptions, this.clock);
    this.layers = chainLayersOf(options as FallbackOptions, this.cache);
    this.stats = new LayerStats(labelsOf(this.layers));
    this.shouldFallback = options.shouldFallback ?? (() => true);
  }

  /**
   * Replaces the chain with the one `options` describe (the complete new options: what they
   * leave out takes its default, as in `createFallback`), from the next call on. The cache
   * keeps its entries while the new options have a cache (its new TTLs judge them by age, a
   * lower `maxEntries` evicts the oldest); without one they are dropped (`restarted`). A
   * layer keeps its stats when one with its label remains. The clock cannot be changed.
   * Emits `reconfigured`.
   * @throws ResilienceConfigError on invalid options, and then changes nothing.
   */
  reconfigure(options: FallbackOptions<V>): ReconfigureResult<EffectiveFallbackOptions> {
    const checker = new OptionChecker('fallback');
    checkFallbackOptions(options, checker);
    const complete = keepFixedOptions(options, { clock: this.clock }, checker) as FallbackOptions;
    checker.throwIfInvalid();
    const previous = this.effectiveOptions();
    this.cache = cacheAfter(this.cache, complete, this.clock);
    this.layers = chainLayersOf(complete, this.cache);
    this.stats = this.stats.carriedInto(labelsOf(this.layers));
    this.shouldFallback = complete.shouldFallback ?? (() => true);
    const current = this.effectiveOptions();
    const result = { restarted: previous.cache !== undefined && !this.cache, previous, current };
    if (this.events.hasListeners('reconfigured')) this.events.emit('reconfigured', result);
    return result;
  }

  /** The chain in force: its layers by label and the cache settings. */
  effectiveOptions(): EffectiveFallbackOptions {
    const layers = this.layers.map((layer) => layer.label);
    return this.cache ? { layers, cache: this.cache.settings } : { layers };
  }

  /** Drops cached last good results by age (see {@link CacheScope}); returns how many. */
  pruneCache(scope: CacheScope): number {
    return this.cache?.prune(scope) ?? 0;
  }

  /** Whether last good results are kept (per `options.key`): only then is the key read. */
  get cachesResults(): boolean {
    return this.cache !== undefined;
  }

  /** How many last good results the cache holds. */
  get cachedResults(): number {
    return this.cache?.size ?? 0;
  }

  /** Listens to `fallback`; returns a function that stops listening. */
  on<K extends keyof FallbackEvents>(event: K, listener: Listener<FallbackEvents[K]>): Unsubscribe {
    return this.events.on(event, listener);
  }

  /** Each layer's attempts, successes and success rate, `primary` first. */
  layerStats(): FallbackLayerStats[] {
    return this.stats.snapshot();
  }

  /** Resolves the primary's value or the first layer's that has one. */
  async execute<T>(fn: GuardedFunction<T>, options?: ExecuteOptions): Promise<T> {
    return (await this.executeWithSource(fn, options)).value;
  }

  /** Like {@link execute}, with where the value came from and any warnings. */
  async executeWithSource<T>(
    fn: GuardedFunction<T>,
    options?: ExecuteOptions,
  ): Promise<FallbackResult<T>> {
    const context = toExecutionContext(options);
    throwIfAborted(context);
    const key = context.key ?? 'default';
    const { layers, stats } = this;
    stats.attempted(PRIMARY);
    try {
      const value = await invokeGuarded(fn, context);
      stats.succeeded(PRIMARY);
      this.cache?.store(key, value);
      return { value, source: 'primary', warnings: [] };
    } catch (error) {
      throwIfAborted(context);
      if (!this.shouldFallback(error)) throw error;
      return this.answerFromLayers<T>(error, context, key, layers, stats);
    }
  }

  private async answerFromLayers<T>(
    primaryError: unknown,
    context: ExecutionContext,
    key: string,
    layers: ChainLayer[],
    stats: LayerStats,
  ): Promise<FallbackResult<T>> {
    const errors: unknown[] = [primaryError];
    const warnings: string[] = [];
    for (let index = 0; index < layers.length; index++) {
      const layer = layers[index];
      if (!layer.applies()) continue;
      stats.attempted(index + 1);
      try {
        const served = await layer.serve(primaryError, context, key);
        if (served === undefined) continue;
        stats.succeeded(index + 1);
        if (served.warning) warnings.push(served.warning);
        if (this.events.hasListeners('fallback')) {
          this.events.emit('fallback', { source: served.source, error: primaryError });
        }
        // Layer values are typed by the options (V); Policy.execute is generic per call, so
        // the caller's T is trusted to match them.
        return { value: served.value as T, source: served.source, warnings };
      } catch (error) {
        throwIfAborted(context);
        errors.push(error);
        warnings.push(`Fallback layer '${layer.label}' failed: ${messageOf(error)}`);
      }
    }
    throw new FallbackError(errors);
  }
}

function labelsOf(layers: ChainLayer[]): string[] {
  return ['primary', ...layers.map((layer) => layer.label)];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Creates a {@link FallbackPolicy}. @throws ResilienceConfigError on invalid options. */
export function createFallback<V = unknown>(options: FallbackOptions<V> = {}): FallbackPolicy<V> {
  return new FallbackPolicy(options);
}
