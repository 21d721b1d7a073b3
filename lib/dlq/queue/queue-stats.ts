import type { DeadLetterCounts, DeadLetterOperations } from '../../store/index.js';
import type { DeadLetterStats } from './dead-letter.types.js';

const PURGE_BATCH = 500;
const DAY_MS = 86_400_000;

/** The queue's counts, with the types that wait for a handler nobody registered. */
export function statsOf(
  { byStatus, byType }: DeadLetterCounts,
  hasHandler: (type: string) => boolean,
): DeadLetterStats {
  const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
  const unhandledTypes = Object.entries(byType)
    .filter(([type, c]) => !hasHandler(type) && (c.pending ?? 0) + (c.processing ?? 0) > 0)
    .map(([type]) => type);
  return { total, byStatus, byType, unhandledTypes };
}

/** Purges in batches (short scripts: Redis serves others in between); resolves to how many. */
export async function purgeSettled(
  store: DeadLetterOperations,
  olderThanDays: number,
): Promise<number> {
  const olderThanMs = Math.round(olderThanDays * DAY_MS);
  let total = 0;
  for (let purged = PURGE_BATCH; purged === PURGE_BATCH; total += purged) {
    purged = await store.purge(olderThanMs, PURGE_BATCH);
  }
  return total;
}
