/**
 * A shared breaker nobody has used for this long is forgotten by the store (it starts
 * CLOSED if used again). Every use renews it, so an isolated breaker stays isolated while
 * calls keep arriving.
 */
export const BREAKER_IDLE_TTL_MS = 86_400_000;
