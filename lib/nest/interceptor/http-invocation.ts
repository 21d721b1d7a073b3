import type { ExecutionContext, HttpServer } from '@nestjs/common';
import type { RateLimitDecision } from '../../core/index.js';
import type { HttpRequestLike } from '../execution/client-address.js';
import type { Invocation } from '../execution/invocation.js';
import { setRateLimitHeaders } from './rate-limit-headers.js';

/** One request to a protected handler: the request is the call's argument. */
export class HttpInvocation implements Invocation {
  readonly args: readonly unknown[];

  constructor(
    readonly request: HttpRequestLike,
    readonly response: unknown,
    readonly executionContext: ExecutionContext,
    private readonly adapter: HttpServer,
  ) {
    this.args = [request];
  }

  /** Every decision shows in the response's `RateLimit-*` headers, allowed or not. */
  onRateLimitDecision(decision: RateLimitDecision): void {
    setRateLimitHeaders(this.adapter, this.response, decision);
  }
}
