import type { ResolvedResilienceOptions } from '../../nest/options/index.js';

/** Each indicator's own time limit, from `healthChecking.indicatorTimeoutMs`. */
export function indicatorTimeoutOf(options: ResolvedResilienceOptions): number {
  return options.healthChecking.indicatorTimeoutMs;
}
