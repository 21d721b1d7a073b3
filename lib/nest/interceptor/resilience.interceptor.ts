import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { catchError, throwError, type Observable } from 'rxjs';
import { RetryExhaustedError, type RateLimitDecision } from '../../core/index.js';
import type { Invocation } from '../execution/invocation.js';
import { observableThroughPipeline } from '../execution/run-through-pipeline.js';
import { HandlerPipelines } from '../explorer/handler-pipelines.js';
import { ProtectedRoutes } from '../protected-paths/protected-routes.js';
import { toHttpRejection } from './http-error.mapper.js';
import { rateLimitHeaders } from './rate-limit-headers.js';

/**
 * Applies a controller handler's policies around `next.handle()` (re-invoked per attempt).
 * On HTTP it maps rejections to 429 / 503 / 504 with their headers — also those of
 * decorated provider methods that an undecorated handler calls — set through the HTTP
 * adapter so Express and Fastify behave the same. Exhausted retries answer with the last
 * attempt's error, so a 502 from upstream stays a 502. On other transports (microservices,
 * WebSockets, GraphQL) it applies the policies and leaves errors to the transport.
 */
@Injectable()
export class ResilienceInterceptor implements NestInterceptor {
  constructor(
    private readonly pipelines: HandlerPipelines,
    private readonly adapterHost: HttpAdapterHost,
    private readonly protectedRoutes: ProtectedRoutes,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const pipeline = this.pipelines.get(context.getHandler());
    if (context.getType() !== 'http') {
      if (!pipeline) return next.handle();
      const invocation = { args: context.getArgs(), executionContext: context };
      return observableThroughPipeline(pipeline, invocation, () => next.handle());
    }
    const http = context.switchToHttp();
    const request = http.getRequest<{ ip?: string; url?: string }>();
    const underPrefix = this.protectedRoutes.enabled
      ? this.protectedRoutes.pipelineFor(
          request.url ?? '',
          context.getHandler(),
          context.getClass(),
        )
      : undefined;
    const response = http.getResponse<unknown>();
    const invocation: Invocation = {
      args: [request],
      request,
      executionContext: context,
      onRateLimitDecision: (decision: RateLimitDecision) =>
        this.setHeaders(response, rateLimitHeaders(decision)),
    };
    const chosen = underPrefix ?? pipeline;
    const handled = chosen
      ? observableThroughPipeline(chosen, invocation, () => next.handle())
      : next.handle();
    return handled.pipe(catchError((error: unknown) => this.asHttpError(error, response)));
  }

  /** Our rejections become HTTP answers; exhausted retries answer with the last attempt's error. */
  private asHttpError(error: unknown, response: unknown): Observable<never> {
    const cause = error instanceof RetryExhaustedError ? error.lastError : error;
    const rejection = toHttpRejection(cause);
    if (!rejection) return throwError(() => cause);
    this.setHeaders(response, rejection.headers);
    return throwError(() => rejection.exception);
  }

  private setHeaders(response: unknown, headers: Record<string, string>): void {
    const adapter = this.adapterHost.httpAdapter;
    for (const [name, value] of Object.entries(headers)) adapter.setHeader(response, name, value);
  }
}
