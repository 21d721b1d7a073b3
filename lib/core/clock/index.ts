export type { Clock, TimerHandle } from './clock.js';
export { systemClock } from './system-clock.js';
export { TestClock, flushPromises } from './test-clock.js';
export { DeadlineList, type DeadlineListOptions, type ListedDeadline } from './deadline-list.js';
