/** A route's req/s ÷ that of the same app's undecorated route, in the same round. */
export const SAME_APP_RATIO = 'ratioToSameAppRoute';

/** The app's CPU time per request of a route, µs (user + system). */
export const CPU_PER_REQUEST = 'cpuUsPerRequest';

/**
 * The same app's undecorated route's CPU time per request ÷ this route's, in the same round:
 * the share of its throughput a route would keep on a core of its own (higher is better).
 */
export const SAME_APP_CPU_RATIO = 'ratioToSameAppRouteByCpu';

/** Ratios keep three digits in the results: goals sit at the second (0.95, 1.2). */
export function digitsFor(figure: string): number {
  return figure.startsWith('ratio') ? 3 : 2;
}
