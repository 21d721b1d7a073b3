/** Metadata key under which the decorators store a method's {@link ResilienceMetadata}. */
export const RESILIENCE_METADATA = 'RESILIENCE:POLICIES';

/** Injection token of the effective (merged and validated) module options. */
export const RESILIENCE_OPTIONS = Symbol('RESILIENCE:OPTIONS');

/** Injection token of the app's `ResilienceStore` (memory, or Redis from `store`). */
export const RESILIENCE_STORE = Symbol('RESILIENCE:STORE');

/** Injection token of the HTTP route groups chosen at import time. */
export const RESILIENCE_HTTP_GROUPS = Symbol('RESILIENCE:HTTP_GROUPS');

/** Marks a function installed by the explorer, so a method is never wrapped twice. */
export const WRAPPED_BY_RESILIENCE = Symbol('RESILIENCE:WRAPPED');
