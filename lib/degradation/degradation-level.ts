/** The degradation levels, from normal service to critical. */
export const DEGRADATION_LEVELS = ['NORMAL', 'MINOR', 'MODERATE', 'SEVERE', 'CRITICAL'] as const;

/** How degraded the system is. */
export type DegradationLevel = (typeof DEGRADATION_LEVELS)[number];

/** 0 for NORMAL up to 4 for CRITICAL. */
export function levelRank(level: DegradationLevel): number {
  return DEGRADATION_LEVELS.indexOf(level);
}

/** True when `level` is `threshold` or worse. */
export function isAtLeast(level: DegradationLevel, threshold: DegradationLevel): boolean {
  return levelRank(level) >= levelRank(threshold);
}

/** The worst of the levels (NORMAL for none). */
export function worstOf(levels: readonly DegradationLevel[]): DegradationLevel {
  return levels.reduce<DegradationLevel>(
    (worst, level) => (levelRank(level) > levelRank(worst) ? level : worst),
    'NORMAL',
  );
}

export function isDegradationLevel(value: unknown): value is DegradationLevel {
  return typeof value === 'string' && (DEGRADATION_LEVELS as readonly string[]).includes(value);
}
