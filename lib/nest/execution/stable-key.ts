const MAX_KEY_LENGTH = 256;

/**
 * A cache key for a call's arguments: their JSON, capped in length; `undefined` when they
 * cannot be serialised (then the call shares the method's one cache entry).
 */
export function stableKeyOf(args: readonly unknown[]): string | undefined {
  try {
    const json = JSON.stringify(args);
    return json === undefined ? undefined : json.slice(0, MAX_KEY_LENGTH);
  } catch {
    return undefined;
  }
}
