import { HttpException, HttpStatus } from '@nestjs/common';
import {
  BulkheadRejectedError,
  CircuitOpenError,
  FeatureDisabledError,
  PolicyTimeoutError,
  RateLimitExceededError,
  StoreUnavailableError,
} from '../../core/index.js';

/** An HTTP answer for a policy rejection: status, body and headers. */
export interface HttpRejection {
  exception: HttpException;
  headers: Record<string, string>;
}

/**
 * The HTTP meaning of policy rejections: limited → 429, open breaker, full bulkhead,
 * unavailable store or a feature switched off by degradation → 503, timeout → 504, each
 * with `Retry-After` where it is known. Other errors are not ours to translate.
 */
export function toHttpRejection(error: unknown): HttpRejection | undefined {
  if (error instanceof RateLimitExceededError) {
    return rejection(HttpStatus.TOO_MANY_REQUESTS, 'Too Many Requests', error, error.retryAfterMs);
  }
  if (error instanceof CircuitOpenError || error instanceof StoreUnavailableError) {
    return rejection(
      HttpStatus.SERVICE_UNAVAILABLE,
      'Service Unavailable',
      error,
      error.retryAfterMs,
    );
  }
  if (error instanceof FeatureDisabledError) {
    return rejection(HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable', error);
  }
  if (error instanceof BulkheadRejectedError) {
    return rejection(HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable', error, 1_000);
  }
  if (error instanceof PolicyTimeoutError) {
    return rejection(HttpStatus.GATEWAY_TIMEOUT, 'Gateway Timeout', error);
  }
  return undefined;
}

function rejection(
  status: number,
  title: string,
  error: Error,
  retryAfterMs?: number,
): HttpRejection {
  const body = {
    statusCode: status,
    error: title,
    message: error.message,
    code: (error as { code?: string }).code,
  };
  const headers: Record<string, string> = {};
  if (retryAfterMs !== undefined)
    headers['Retry-After'] = String(Math.max(1, Math.ceil(retryAfterMs / 1000)));
  return { exception: new HttpException(body, status, { cause: error }), headers };
}
