/**
 * The contenders in the order of round `round`: each round starts one place further along,
 * so no contender always runs first (cold caches) or right after the same neighbour.
 */
export function rotate<T>(items: readonly T[], round: number): T[] {
  if (items.length === 0) return [];
  const shift = round % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
