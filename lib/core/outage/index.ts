export { OutageTracker, type OutageReporter } from './outage-tracker.js';
export { STORE_FAILURE_MODES, type StoreFailureMode } from './store-failure-mode.js';
