export { TypedEventEmitter } from './event-emitter.js';
export type { Listener, Unsubscribe } from './event-emitter.js';
