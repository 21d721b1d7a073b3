/**
 * Reads an HTTP status from the shapes errors come in: `status` / `statusCode` (Nest,
 * fetch wrappers), `response.status` (axios), `getStatus()` (Nest's HttpException).
 */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as {
    status?: unknown;
    statusCode?: unknown;
    response?: { status?: unknown };
    getStatus?: () => unknown;
  };
  const status =
    (typeof candidate.getStatus === 'function' ? candidate.getStatus() : undefined) ??
    candidate.status ??
    candidate.statusCode ??
    candidate.response?.status;
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
}
