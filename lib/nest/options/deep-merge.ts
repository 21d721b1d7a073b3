import { isPlainObject, setOwn, type OptionLayer } from './option-layer.js';
import type { OptionSource } from './resolved-options.interface.js';

/** Merged values, with the layer each leaf value came from. */
export interface MergedOptions {
  values: Record<string, unknown>;
  /** Per dotted leaf path: the source of its value. */
  sources: Map<string, OptionSource>;
  /** Per dotted leaf path: how issues name its source. */
  labels: Map<string, string>;
}

/**
 * Merges layers, later wins. Plain objects merge key by key; anything else (arrays,
 * functions, class instances such as a Redis client, `null`) replaces what was there, and
 * `undefined` leaves it alone. Two objects whose `type` differs are different things (a
 * memory store and a Redis store), so the later one replaces the earlier whole.
 */
export function mergeLayers(layers: readonly OptionLayer[]): MergedOptions {
  const merged: MergedOptions = { values: {}, sources: new Map(), labels: new Map() };
  for (const layer of layers) mergeInto(merged.values, layer.values, '', layer, merged);
  return merged;
}

function mergeInto(
  target: Record<string, unknown>,
  overlay: Record<string, unknown>,
  prefix: string,
  layer: OptionLayer,
  merged: MergedOptions,
): void {
  for (const [key, value] of Object.entries(overlay)) {
    if (value === undefined) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(value) && isPlainObject(current) && !changesType(current, value)) {
      // An empty object is a value of its own (`policies: {}`) until something fills it.
      if (isEmpty(value) && isEmpty(current)) record(path, layer, merged);
      else if (!isEmpty(value)) forget(path, merged);
      mergeInto(current, value, path, layer, merged);
      continue;
    }
    forgetBelow(path, merged);
    if (isPlainObject(value)) {
      const copy: Record<string, unknown> = {};
      setOwn(target, key, copy);
      mergeInto(copy, value, path, layer, merged);
      if (isEmpty(value)) record(path, layer, merged);
    } else {
      setOwn(target, key, Array.isArray(value) ? [...value] : value);
      record(path, layer, merged);
    }
  }
}

function isEmpty(value: Record<string, unknown>): boolean {
  return Object.values(value).every((entry) => entry === undefined);
}

function record(path: string, layer: OptionLayer, merged: MergedOptions): void {
  merged.sources.set(path, layer.source);
  merged.labels.set(path, layer.pathLabels?.get(path) ?? layer.label);
}

function forget(path: string, merged: MergedOptions): void {
  merged.sources.delete(path);
  merged.labels.delete(path);
}

function changesType(current: Record<string, unknown>, next: Record<string, unknown>): boolean {
  return next.type !== undefined && current.type !== undefined && next.type !== current.type;
}

/** A replaced subtree's leaves no longer exist, so neither do their sources. */
function forgetBelow(path: string, merged: MergedOptions): void {
  for (const known of [...merged.sources.keys()]) {
    if (known === path || known.startsWith(`${path}.`)) forget(known, merged);
  }
}

/**
 * How an issue at `path` names its source: the label of the value there, else of the
 * values below it (a group), else of the nearest value above it (an array element).
 */
export function describeSource(path: string, merged: MergedOptions): string | undefined {
  const exact = merged.labels.get(path);
  if (exact) return exact;
  const below = [...merged.labels].filter(([known]) => known.startsWith(`${path}.`));
  // A group's defaults are named only when nothing else set a value in it.
  const chosen = below.filter(([, label]) => label !== 'default');
  const labels = new Set((chosen.length > 0 ? chosen : below).map(([, label]) => label));
  if (labels.size > 0) return [...labels].join(', ');
  const parent = parentOf(path);
  return parent ? describeSource(parent, merged) : undefined;
}

const RANKS: readonly OptionSource[] = ['default', 'preset', 'file', 'code', 'environment'];

/** The rank of the latest layer that set the value at `path` (or any value below it); -1 when none. */
export function precedenceOf(path: string, merged: MergedOptions): number {
  let rank = -1;
  for (const [known, source] of merged.sources) {
    if (known === path || known.startsWith(`${path}.`))
      rank = Math.max(rank, RANKS.indexOf(source));
  }
  const parent = parentOf(path);
  return rank >= 0 || !parent ? rank : precedenceOf(parent, merged);
}

/** `a.b.c` → `a.b`; `a.layers[2]` → `a.layers`; `a` → ''. */
function parentOf(path: string): string {
  const parent = path.replace(/(\[\d+\]|\.[^.[\]]*)$/, '');
  return parent === path ? '' : parent;
}
