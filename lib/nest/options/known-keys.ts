import type { OptionChecker } from '../../core/validation/index.js';

/**
 * Reports every key of `value` that is not in `known`, with the closest known name when
 * it looks like a typo. `what` names the kind of key, e.g. "policy kind".
 */
export function checkKnownKeys(
  checker: OptionChecker,
  value: Record<string, unknown>,
  known: readonly string[],
  what = 'option',
): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const guess = closest(key, known);
    const hint = guess ? `; did you mean '${guess}'?` : `; expected one of ${known.join(', ')}`;
    checker.fail(key, `unknown ${what}${hint}`);
  }
}

/**
 * The nearest known name within a few edits or sharing its first four letters (case
 * ignored), if any.
 */
function closest(key: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(key.toLowerCase(), name.toLowerCase());
    const allowed = name.length >= 5 ? Math.max(2, Math.floor(name.length / 3)) : 1;
    const samePrefix =
      name.length >= 4 && key.toLowerCase().startsWith(name.slice(0, 4).toLowerCase());
    if ((distance <= allowed || samePrefix) && (!best || distance < best.distance)) {
      best = { name, distance };
    }
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
