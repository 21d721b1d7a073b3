import { isCriticalBreaker } from './critical-breakers.js';

/** The breakers at a glance, by name. */
export interface BreakerSummary {
  total: number;
  open: string[];
  halfOpen: string[];
  /** Open breakers listed in `healthChecking.criticalBreakers`. */
  criticalOpen: string[];
}

/** Which breakers are open, probing, and open while critical. */
export function summarizeBreakers(
  breakers: readonly { name: string; state: string }[],
  critical: readonly string[],
): BreakerSummary {
  const named = (state: string) => breakers.filter((b) => b.state === state).map((b) => b.name);
  const open = named('OPEN');
  return {
    total: breakers.length,
    open,
    halfOpen: named('HALF_OPEN'),
    criticalOpen: open.filter((name) => isCriticalBreaker(name, critical)),
  };
}
