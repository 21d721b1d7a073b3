import type { ExecutionContext } from '../policy/index.js';
import type { LastGoodResultCache } from './last-good-result-cache.js';
import type { FallbackLayer, FallbackOptions, FallbackSource } from './fallback.options.js';

/** A value a layer produced. */
export interface ServedValue {
  readonly value: unknown;
  readonly source: FallbackSource;
  readonly warning?: string;
}

/** One layer of the chain, ready to ask. */
export interface ChainLayer {
  readonly label: string;
  /** False when the layer does not apply now (the degraded layer outside degraded mode). */
  applies(): boolean;
  /** The layer's value; `undefined` when it has none (cache miss); throws when it fails. */
  serve(error: unknown, context: ExecutionContext, key: string): Promise<ServedValue | undefined>;
}

/**
 * The layers of the chain in the order they are tried: `layers` as given, or else the
 * configured ones among `fallback`, cache, `defaultValue`, `degradedValue`, in that order.
 */
export function chainLayersOf(
  options: FallbackOptions,
  cache: LastGoodResultCache | undefined,
): ChainLayer[] {
  const layers = options.layers ?? implicitLayers(options);
  const seen = new Map<string, number>();
  return layers.map((layer) => {
    const chainLayer = toChainLayer(layer, cache, options.isDegraded);
    const count = (seen.get(chainLayer.label) ?? 0) + 1;
    seen.set(chainLayer.label, count);
    return count === 1 ? chainLayer : { ...chainLayer, label: `${chainLayer.label}#${count}` };
  });
}

function implicitLayers(options: FallbackOptions): FallbackLayer[] {
  const layers: FallbackLayer[] = [];
  if (options.fallback) layers.push({ type: 'function', fn: options.fallback });
  if (options.cache) layers.push({ type: 'cache' });
  if (options.defaultValue !== undefined)
    layers.push({ type: 'default', value: options.defaultValue });
  if (options.degradedValue !== undefined) {
    layers.push({ type: 'degraded', value: options.degradedValue });
  }
  return layers;
}

const always = (): boolean => true;

function toChainLayer(
  layer: FallbackLayer,
  cache: LastGoodResultCache | undefined,
  isDegraded: (() => boolean) | undefined,
): ChainLayer {
  switch (layer.type) {
    case 'function':
      return {
        label: layer.name ?? 'fallback',
        applies: always,
        serve: async (error, context) => ({
          value: await layer.fn(error, context),
          source: 'fallback',
        }),
      };
    case 'cache':
      return {
        label: 'cache',
        applies: always,
        serve: async (_error, _context, key) => fromCache(cache, key),
      };
    case 'default':
      return {
        label: 'default',
        applies: always,
        serve: async () => ({ value: layer.value, source: 'default' }),
      };
    case 'degraded':
      return {
        label: 'degraded',
        applies: () => isDegraded?.() ?? false,
        serve: async () => ({ value: layer.value, source: 'degraded' }),
      };
  }
}

function fromCache(cache: LastGoodResultCache | undefined, key: string): ServedValue | undefined {
  const cached = cache?.lookup(key);
  if (!cached) return undefined;
  if (cached.fresh) return { value: cached.value, source: 'cache' };
  return {
    value: cached.value,
    source: 'stale_cache',
    warning: `Served a stale cached result for key '${key}' (${cached.ageMs} ms old, fresh for ${cache?.settings.ttlMs} ms)`,
  };
}
