import type { ReconfiguredEvent } from '../policy/reconfigure-result.js';
import type { EffectiveTimeoutOptions } from './timeout.options.js';

/** Events of a {@link TimeoutPolicy}. */
export interface TimeoutEvents {
  /** A call ran past `ms`: its signal was aborted and it was rejected with `PolicyTimeoutError`. */
  timeout: { ms: number };
  /** `reconfigure` applied new settings. */
  reconfigured: ReconfiguredEvent<EffectiveTimeoutOptions>;
}
