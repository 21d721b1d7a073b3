import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { RetryExhaustedError } from '../../core/index.js';
import type { HttpRequestLike } from '../execution/client-address.js';
import { withMappedErrors } from '../execution/forward-to.js';
import { observableThroughPipeline } from '../execution/run-through-pipeline.js';
import { HandlerPipelines } from '../explorer/handler-pipelines.js';
import { ProtectedRoutes } from '../protected-paths/protected-routes.js';
import { toHttpRejection } from './http-error.mapper.js';
import { HttpInvocation } from './http-invocation.js';

/**
 * Applies a controller handler's policies around `next.handle()` (re-invoked per attempt).
 * On HTTP it maps rejections to 429 / 503 / 504 with their headers — also those of
 * decorated provider methods that an undecorated handler calls — set through the HTTP
 * adapter so Express and Fastify behave the same. Exhausted retries answer with the last
 * attempt's error, so a 502 from upstream stays a 502. On other transports (microservices,
 * WebSockets, GraphQL) it applies the policies and leaves errors to the transport.
 *
 * It runs on every request of the app, so it does no more than a lookup per request: the
 * pipelines are built at start-up (a protected prefix's on the route's first request), and
 * an unprotected route only gets its errors translated, without an operator chain.
 */
@Injectable()
export class ResilienceInterceptor implements NestInterceptor {
  constructor(
    private readonly pipelines: HandlerPipelines,
    private readonly adapterHost: HttpAdapterHost,
    private readonly protectedRoutes: ProtectedRoutes,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const handler = context.getHandler();
    const own = this.pipelines.get(handler);
    if (context.getType() !== 'http') {
      if (!own) return next.handle();
      const invocation = { args: context.getArgs(), executionContext: context };
      return observableThroughPipeline(own, invocation, () => next.handle());
    }
    // `switchToHttp()` would add three closures to the context on every request.
    const request = context.getArgByIndex<HttpRequestLike>(0);
    const pipeline = this.protectedRoutes.enabled
      ? (this.protectedRoutes.pipelineFor(request.url ?? '', handler, context.getClass()) ?? own)
      : own;
    if (!pipeline) {
      return withMappedErrors(next.handle(), (error) =>
        this.asHttpError(error, context.getArgByIndex(1)),
      );
    }
    const adapter = this.adapterHost.httpAdapter;
    const response = context.getArgByIndex<unknown>(1);
    const invocation = new HttpInvocation(request, response, context, adapter);
    return observableThroughPipeline(
      pipeline,
      invocation,
      () => next.handle(),
      (error) => this.asHttpError(error, invocation.response),
    );
  }

  /** Our rejections become HTTP answers; exhausted retries answer with the last attempt's error. */
  private asHttpError(error: unknown, response: unknown): unknown {
    const cause = error instanceof RetryExhaustedError ? error.lastError : error;
    const rejection = toHttpRejection(cause);
    if (!rejection) return cause;
    const adapter = this.adapterHost.httpAdapter;
    for (const [name, value] of Object.entries(rejection.headers)) {
      adapter.setHeader(response, name, value);
    }
    return rejection.exception;
  }
}
