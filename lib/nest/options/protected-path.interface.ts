/**
 * A path prefix protected by a named policy, with no decorator on its handlers
 * (`forRoot({ protectedPaths: [{ prefix: '/api/v1/webhooks/', policy: 'webhooks' }] })`).
 */
export interface ProtectedPathOptions {
  /** Requests whose path starts with this (leading `/`) are protected; the longest match wins. */
  prefix: string;
  /** The named policy set (`policies.<name>`) applied to every route under the prefix. */
  policy: string;
  /**
   * `prefix` (default): one breaker, limiter and bulkhead for the whole prefix;
   * `route`: one per route (method + route path) under it.
   */
  instancePer?: 'prefix' | 'route';
}
