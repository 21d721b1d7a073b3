import type { OptionChecker } from '../validation/index.js';

const LAYER_TYPES = ['function', 'cache', 'default', 'degraded'] as const;

/**
 * Records every invalid fallback option on `checker` (nothing for `undefined`). `layers` is
 * the whole chain when given, so combining it with the `fallback`, `defaultValue` or
 * `degradedValue` shorthands is reported rather than silently ignored.
 */
export function checkFallbackOptions(options: unknown, checker: OptionChecker): void {
  const o = checker.optionsObject(options);
  if (!o) return;
  checker
    .isFunction('fallback', o.fallback)
    .isFunction('isDegraded', o.isDegraded)
    .isFunction('shouldFallback', o.shouldFallback);
  checker.isObject('clock', o.clock);
  if (checker.isObject('cache', o.cache))
    checkCache(o.cache as Record<string, unknown>, checker.child('cache'));
  if (o.layers === undefined) return;
  if (!Array.isArray(o.layers)) {
    checker.fail('layers', `must be an array of layers (${LAYER_TYPES.join(', ')})`);
    return;
  }
  o.layers.forEach((layer: unknown, index) => checkLayer(layer, checker.child(`layers[${index}]`)));
  for (const shorthand of ['fallback', 'defaultValue', 'degradedValue']) {
    if (o[shorthand] !== undefined) {
      checker.fail(shorthand, 'cannot be combined with layers: add it to layers instead');
    }
  }
  const hasCacheLayer = o.layers.some(
    (layer: unknown) => (layer as { type?: unknown } | null)?.type === 'cache',
  );
  if (hasCacheLayer && o.cache === undefined) {
    checker.fail('cache', 'is required when layers include a cache layer ({ ttlMs, staleTtlMs? })');
  }
}

function checkCache(cache: Record<string, unknown>, checker: OptionChecker): void {
  if (cache.ttlMs === undefined)
    checker.fail('ttlMs', 'is required: how long a cached result stays fresh');
  checker
    .nonNegative('ttlMs', cache.ttlMs)
    .nonNegative('staleTtlMs', cache.staleTtlMs)
    .integerAtLeast('maxEntries', cache.maxEntries, 1);
}

function checkLayer(layer: unknown, checker: OptionChecker): void {
  if (typeof layer !== 'object' || layer === null) {
    checker.fail('type', `must be one of ${LAYER_TYPES.map((t) => `'${t}'`).join(', ')}`);
    return;
  }
  const l = layer as Record<string, unknown>;
  if (l.type === undefined) checker.fail('type', `is required: one of ${LAYER_TYPES.join(', ')}`);
  checker.oneOf('type', l.type, LAYER_TYPES).isString('name', l.name);
  if (l.type === 'function' && typeof l.fn !== 'function') checker.fail('fn', 'must be a function');
  if ((l.type === 'default' || l.type === 'degraded') && !('value' in l)) {
    checker.fail('value', 'is required for a default or degraded layer');
  }
}
