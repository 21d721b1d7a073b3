/**
 * A dead-letter queue in a shared store that nobody has touched for this long (no add,
 * claim, settle, read or purge) expires with its messages. Every operation renews it, and
 * the queue's processor claims on a schedule, so a queue in use never expires: this only
 * bounds the keys of a queue whose app is gone.
 */
export const DEAD_LETTER_IDLE_TTL_MS = 30 * 86_400_000;
