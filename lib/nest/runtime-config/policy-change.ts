import type { PolicySet, ResolvedPolicySet } from '../options/index.js';

/** What `ResilienceService.configure()` changed. */
export interface PolicyChange {
  /** The named policy. */
  name: string;
  /** Its settings before and after (as configured; defaults fill the rest). */
  previous: ResolvedPolicySet;
  current: ResolvedPolicySet;
  /** The change as asked for (what other instances apply). */
  changes: PolicySet;
  /** Live instances that had to restart (a breaker whose window type changed ...). */
  restarted: string[];
  /** `local`: configured on this instance; `remote`: received from another instance. */
  origin: 'local' | 'remote';
}
