import type { Clock } from '../clock/index.js';
import type { CircuitBreakerSettings } from './circuit-breaker.settings.js';

type IsFailure = CircuitBreakerSettings['isFailure'];

/** Per clock, per `isFailure` function: settings by the text of their plain values. */
const interned = new WeakMap<Clock, WeakMap<IsFailure, Map<string, CircuitBreakerSettings>>>();

/**
 * The one settings object equal to `settings`. Applications create thousands of breakers
 * (one per tenant, per route, per key) with the same options; sharing their settings keeps
 * an idle breaker small. Settings are never mutated, so sharing is safe.
 */
export function internSettings(settings: CircuitBreakerSettings): CircuitBreakerSettings {
  const byFunction = lookupOrCreate(interned, settings.clock, () => new WeakMap());
  const byValues = lookupOrCreate(byFunction, settings.isFailure, () => new Map());
  const key = JSON.stringify(settings, plainValues);
  const existing = byValues.get(key);
  if (existing) return existing;
  byValues.set(key, settings);
  return settings;
}

// The clock and `isFailure` are keyed by identity above; JSON would print Infinity as null.
function plainValues(key: string, value: unknown): unknown {
  if (key === 'clock' || key === 'isFailure') return undefined;
  return value === Infinity ? 'Infinity' : value;
}

function lookupOrCreate<K extends object, V>(map: WeakMap<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}
