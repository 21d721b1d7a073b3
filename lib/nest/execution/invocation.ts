import type { ExecutionContext as NestExecutionContext } from '@nestjs/common';
import type { RateLimitDecision } from '../../core/index.js';
import type { HttpRequestLike } from './client-address.js';

/** One call of a protected method, as the layers see it. */
export interface Invocation {
  /** The method's arguments (on a controller: the transport's arguments). */
  readonly args: readonly unknown[];
  /** The HTTP request, on controller handlers. */
  readonly request?: HttpRequestLike;
  readonly executionContext?: NestExecutionContext;
  /** Told about every rate-limit decision, so the interceptor can set `RateLimit-*` headers. */
  readonly onRateLimitDecision?: (decision: RateLimitDecision) => void;
}
