import type { ReconfiguredEvent } from '../policy/reconfigure-result.js';
import type { EffectiveFallbackOptions } from './fallback-cache.js';
import type { FallbackSource } from './fallback.options.js';

/** Events of a {@link FallbackPolicy}. */
export interface FallbackEvents {
  /** `reconfigure` replaced the chain. */
  reconfigured: ReconfiguredEvent<EffectiveFallbackOptions>;
  /** A fallback layer answered for the failed primary call; `error` is the primary's error. */
  fallback: { source: FallbackSource; error: unknown };
}

/** How one layer of the chain (`primary` included) has fared. */
export interface FallbackLayerStats {
  /** `primary`, a function layer's name (`fallback` when unnamed), `cache`, `default` or `degraded`. */
  layer: string;
  /** Times the layer was asked (a cache lookup that missed counts). */
  attempts: number;
  /** Times it produced the result. */
  successes: number;
  /** `successes / attempts`; 0 for a layer never asked. */
  successRate: number;
}
