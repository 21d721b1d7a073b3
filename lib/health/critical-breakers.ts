/**
 * Whether a breaker is listed in `healthChecking.criticalBreakers`: by its name, or by the
 * name of its keyed group (`payments` covers `payments:tenant-a`).
 */
export function isCriticalBreaker(name: string, critical: readonly string[]): boolean {
  return critical.some((entry) => name === entry || name.startsWith(`${entry}:`));
}
