import type { OptionSource } from './resolved-options.interface.js';

/** One layer of options (defaults, preset, file, code or environment), in the camelCase shape. */
export interface OptionLayer {
  source: OptionSource;
  /** How issues name the layer, e.g. `file /app/resilience.config.json`. */
  label: string;
  values: Record<string, unknown>;
  /** Labels of single paths that say more than `label`, e.g. which environment variable. */
  pathLabels?: ReadonlyMap<string, string>;
}

/** An own, enumerable `Object.prototype`-or-null object: the only kind that is merged. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Sets a property the way JSON.parse does, so a `__proto__` key stays an ordinary key. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Sets `value` at a dotted path, creating the plain objects on the way. */
export function setAtPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (!isPlainObject(next)) setOwn(node, key, {});
    node = node[key] as Record<string, unknown>;
  }
  setOwn(node, keys[keys.length - 1], value);
}
