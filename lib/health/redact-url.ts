/**
 * An endpoint as it may be shown over HTTP: without user, password, query or fragment,
 * which may carry secrets.
 */
export function redactUrl(endpoint: string | undefined): string | undefined {
  if (endpoint === undefined) return undefined;
  try {
    const url = new URL(endpoint);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return undefined;
  }
}
