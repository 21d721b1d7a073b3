export type { EffectiveTimeoutOptions, TimeoutOptions } from './timeout.options.js';
export type { TimeoutEvents } from './timeout.events.js';
export { TimeoutPolicy, createTimeout } from './timeout.policy.js';
export { checkTimeoutOptions, MAX_TIMEOUT_MS } from './check-timeout-options.js';
