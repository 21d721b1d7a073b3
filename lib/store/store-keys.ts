/** The kinds of state a store keeps, as they appear in keys. */
export type StoreKeyKind = 'ratelimit' | 'breaker' | 'value' | 'deadletter';

/**
 * `<prefix><kind>:{<name>}[:<key>]`. The braces are a Redis Cluster hash tag: every key of
 * one policy lands in one slot, so one script may touch several of them, and an operator
 * can find a policy's keys with `SCAN MATCH <prefix><kind>:{<name>}*`.
 */
export function storeKey(prefix: string, kind: StoreKeyKind, name: string, key?: string): string {
  const base = `${prefix}${kind}:{${name}}`;
  return key === undefined ? base : `${base}:${key}`;
}

/**
 * The key of a limiter's bucket. Limiters sharing a store name their buckets
 * `<limiter name>:<key>`; the part before the first `:` becomes the hash tag.
 */
export function bucketStoreKey(prefix: string, bucketKey: string): string {
  const tag = bucketTag(bucketKey);
  if (tag.length === bucketKey.length) return storeKey(prefix, 'ratelimit', tag);
  return storeKey(prefix, 'ratelimit', tag, bucketKey.slice(tag.length + 1));
}

/** The part of a bucket key that becomes its hash tag: the limiter's name. */
export function bucketTag(bucketKey: string): string {
  const colon = bucketKey.indexOf(':');
  return colon < 0 ? bucketKey : bucketKey.slice(0, colon);
}

/** A SCAN pattern matching every bucket key that starts with `bucketPrefix`. */
export function bucketPattern(prefix: string, bucketPrefix: string): string {
  if (bucketPrefix === '') return `${escapeGlob(`${prefix}ratelimit:`)}*`;
  return `${escapeGlob(bucketStoreKey(prefix, bucketPrefix))}*`;
}

/** Escapes the characters SCAN MATCH treats as a pattern. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}
