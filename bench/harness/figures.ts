/** A route's req/s ÷ that of the same app's undecorated route, in the same round. */
export const SAME_APP_RATIO = 'ratioToSameAppRoute';

/** Ratios keep three digits in the results: goals sit at the second (0.95, 1.2). */
export function digitsFor(figure: string): number {
  return figure.startsWith('ratio') ? 3 : 2;
}
