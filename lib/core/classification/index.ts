export { httpStatusOf } from './http-status-of.js';
export { isClientError, isTransientFailure } from './is-client-error.js';
