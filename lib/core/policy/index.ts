export type {
  ExecutionContext,
  ExecuteOptions,
  GuardedFunction,
  Policy,
  PolicyKind,
} from './policy.js';
export { DEFAULT_POLICY_ORDER } from './policy.js';
export { compose } from './compose.js';
export {
  toExecutionContext,
  callContext,
  abortOf,
  throwIfAborted,
  invokeGuarded,
  callerSignalOf,
} from './execution-context.js';
export type { ReconfigureResult, ReconfiguredEvent } from './reconfigure-result.js';
