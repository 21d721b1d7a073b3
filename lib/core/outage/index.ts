export { OutageTracker, type OutageReporter } from './outage-tracker.js';
