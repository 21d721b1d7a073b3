type HeaderBag = { get?: (name: string) => unknown } & Record<string, unknown>;

/**
 * How long the failed dependency asked us to wait, in milliseconds: an error's
 * `retryAfterMs` (CircuitOpenError, RateLimitExceededError, StoreUnavailableError), else an
 * HTTP `Retry-After` header (seconds or a date) on `error.headers` or `error.response.headers`
 * (fetch wrappers, axios). `undefined` when the error says nothing.
 */
export function retryAfterMsOf(error: unknown, now: number): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const carried = (error as { retryAfterMs?: unknown }).retryAfterMs;
  if (typeof carried === 'number' && Number.isFinite(carried) && carried >= 0) return carried;
  const header = retryAfterHeaderOf(
    error as { headers?: unknown; response?: { headers?: unknown } },
  );
  return header === undefined ? undefined : parseRetryAfter(header, now);
}

function retryAfterHeaderOf(error: {
  headers?: unknown;
  response?: { headers?: unknown };
}): string | undefined {
  for (const headers of [error.headers, error.response?.headers]) {
    if (typeof headers !== 'object' || headers === null) continue;
    const bag = headers as HeaderBag;
    const value =
      typeof bag.get === 'function'
        ? bag.get('retry-after')
        : (bag['retry-after'] ?? bag['Retry-After']);
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return undefined;
}

/** Parses a `Retry-After` value: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string, now: number): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
