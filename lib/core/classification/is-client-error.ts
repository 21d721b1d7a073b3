import { CircuitOpenError } from '../errors/circuit-open.error.js';
import { httpStatusOf } from './http-status-of.js';

const VALIDATION_ERROR_NAMES = new Set(['ValidationError', 'BadRequestException']);

/**
 * True for errors the caller caused: 4xx statuses other than 408 (timeout) and 429 (rate
 * limited), and validation errors. Breakers do not count them and retries do not repeat
 * them: a bad request is not evidence that a dependency is failing.
 */
export function isClientError(error: unknown): boolean {
  const status = httpStatusOf(error);
  if (status !== undefined && status >= 400 && status < 500) {
    return status !== 408 && status !== 429;
  }
  return error instanceof Error && VALIDATION_ERROR_NAMES.has(error.name);
}

/**
 * The default `isFailure` of breakers and `retryIf` of retries: everything but client
 * errors and open breakers. Retrying an open breaker would only wait out its break, so
 * the call goes straight to the fallback instead (DESIGN §2 composition).
 */
export function isTransientFailure(error: unknown): boolean {
  return !isClientError(error) && !(error instanceof CircuitOpenError);
}
