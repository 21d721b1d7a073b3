import type { JitterKind } from './retry.options.js';

/**
 * Spreads retries of many callers apart. `full`: anywhere in [0, delay); `equal`: in
 * [delay/2, delay); `none`: the delay itself. `random` returns a number in [0, 1).
 */
export function applyJitter(kind: JitterKind, delayMs: number, random: () => number): number {
  switch (kind) {
    case 'none':
      return delayMs;
    case 'full':
      return random() * delayMs;
    case 'equal':
      return delayMs / 2 + (random() * delayMs) / 2;
  }
}
