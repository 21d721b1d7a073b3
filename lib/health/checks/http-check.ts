import type { ResolvedDependency } from '../dependency-options.js';

/** What one check found out, before timing is added. */
export interface CheckVerdict {
  ok: boolean;
  statusCode?: number;
  error?: string;
}

/** Fetches the endpoint; passes on an expected status (default any 2xx). */
export async function httpCheck(
  check: ResolvedDependency['healthCheck'],
  signal: AbortSignal,
): Promise<CheckVerdict> {
  const response = await fetch(check.endpoint as string, {
    method: check.method,
    headers: check.headers,
    signal,
    redirect: 'manual',
  });
  // The body is not needed; cancelling it releases the connection.
  await response.body?.cancel().catch(() => undefined);
  const statusCode = response.status;
  const ok = isExpected(statusCode, check.expectedStatus);
  return ok ? { ok, statusCode } : { ok, statusCode, error: `unexpected status ${statusCode}` };
}

function isExpected(status: number, expected: number | number[] | undefined): boolean {
  if (expected === undefined) return status >= 200 && status < 300;
  return Array.isArray(expected) ? expected.includes(status) : status === expected;
}

/**
 * A short reason for a failed check: fetch hides the socket error in `cause`. Read
 * structurally: fetch's errors may come from another realm than this module's `Error`.
 */
export function describeCheckError(error: unknown): string {
  const { message, cause } = (typeof error === 'object' && error !== null ? error : {}) as {
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (typeof message !== 'string') return String(error);
  const detail = typeof cause?.code === 'string' ? cause.code : cause?.message;
  return typeof detail === 'string' && detail !== '' ? `${message}: ${detail}` : message;
}
