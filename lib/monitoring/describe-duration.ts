const UNITS: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
];

/** A period in words: `an hour`, `30 minutes`, `2 days` (rounded to its largest whole unit). */
export function describeDuration(ms: number): string {
  for (const [size, unit] of UNITS) {
    if (ms >= size) {
      const count = Math.round(ms / size);
      if (count === 1) return `${unit === 'hour' ? 'an' : 'a'} ${unit}`;
      return `${count} ${unit}s`;
    }
  }
  return `${Math.max(0, Math.round(ms))} ms`;
}
