export type { ChaosEvents, ChaosLatency, ChaosOptions } from './chaos.options.js';
export { ChaosPolicy, chaos } from './chaos.policy.js';
export { checkChaosOptions } from './check-chaos-options.js';
export { seededRandom } from './seeded-random.js';
