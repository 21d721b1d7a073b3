import type { ExecutionContext, HttpServer } from '@nestjs/common';
import type { RateLimitDecision } from '../../core/index.js';
import type { HttpRequestLike } from '../execution/client-address.js';
import type { Invocation } from '../execution/invocation.js';
import { setRateLimitHeaders } from './rate-limit-headers.js';

/** One request to a protected handler: the request is the call's argument. */
export class HttpInvocation implements Invocation {
  readonly args: readonly unknown[];
  readonly response: unknown;

  constructor(
    readonly request: HttpRequestLike,
    readonly executionContext: ExecutionContext,
    private readonly adapter: HttpServer,
  ) {
    this.args = [request];
    this.response = executionContext.switchToHttp().getResponse<unknown>();
  }

  /** Every decision shows in the response's `RateLimit-*` headers, allowed or not. */
  onRateLimitDecision(decision: RateLimitDecision): void {
    setRateLimitHeaders(this.adapter, this.response, decision);
  }
}
