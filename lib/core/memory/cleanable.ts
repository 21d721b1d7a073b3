/**
 * How much a cleanup frees: `standard` drops what is old (expired, stale), `critical` also
 * what can be rebuilt, `emergency` everything that can go.
 */
export type CleanupLevel = 'standard' | 'critical' | 'emergency';

/** Memory pressure: below warning, or at one of the three thresholds. */
export type MemoryLevel = 'normal' | 'warning' | 'critical' | 'emergency';

/**
 * Something holding memory that can give some back: a cache, a history, a buffer.
 *
 * @example
 * memory.registerCleanable({
 *   name: 'price cache',
 *   priority: 10,
 *   cleanup: (level) => (level === 'standard' ? prices.dropExpired() : prices.clear()),
 *   size: () => prices.size,
 * });
 */
export interface Cleanable {
  /** Unique: registering the same name again replaces the earlier one. */
  readonly name: string;
  /** Cleanables run in ascending priority: 1 runs before 10. */
  readonly priority: number;
  /** The lowest level at which it runs. Default `standard`. */
  readonly minLevel?: CleanupLevel;
  /** Frees what `level` calls for; may return how much it freed, in its own unit. */
  cleanup(level: CleanupLevel): number | void | Promise<number | void>;
  /** How much it holds now, in its own unit (entries, bytes). */
  size?(): number;
}

const RANK: Record<CleanupLevel, number> = { standard: 0, critical: 1, emergency: 2 };

/** True when a cleanable with this `minLevel` runs at `level`. */
export function runsAt(minLevel: CleanupLevel | undefined, level: CleanupLevel): boolean {
  return RANK[minLevel ?? 'standard'] <= RANK[level];
}

/** The cleanup a pressure level calls for; none below warning. */
export function cleanupLevelFor(level: MemoryLevel): CleanupLevel | undefined {
  return level === 'normal' ? undefined : level === 'warning' ? 'standard' : level;
}
