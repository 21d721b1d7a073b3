/**
 * True when an `Accept` header asks for HTML at least as much as for JSON: a browser's
 * navigation does, `fetch` with `Accept: application/json`, curl (`*\/*`) and most API
 * clients do not.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = qualityOf(accept, 'text/html');
  return html > 0 && html >= qualityOf(accept, 'application/json');
}

/** The `q` of `type` when it is listed by name (wildcards do not count), else 0. */
function qualityOf(accept: string, type: string): number {
  let best = 0;
  for (const range of accept.split(',')) {
    const [name, ...params] = range.trim().split(';');
    if (name.trim().toLowerCase() !== type) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isFinite(value)) best = Math.max(best, value);
  }
  return best;
}
