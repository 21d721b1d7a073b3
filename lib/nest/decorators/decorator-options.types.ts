import type { ExecutionContext as NestExecutionContext } from '@nestjs/common';
import type {
  BulkheadOptions,
  CircuitBreakerOptions,
  FallbackLayer,
  PolicyKind,
  RateLimitOptions,
  RetryOptions,
  TimeoutOptions,
} from '../../core/index.js';

/** `@CircuitBreaker` options: the core options plus a per-key split and shared state. */
export interface CircuitBreakerDecoratorOptions extends Omit<CircuitBreakerOptions, 'clock'> {
  /** One breaker per key (per tenant, per host ...). Receives the method's arguments. */
  key?: (...args: never[]) => string;
  /** Keep the state in the store so every process shares it (opt-in; see the README). */
  shared?: boolean;
}

/** What a rate-limit key function sees. */
export interface RateLimitKeyContext {
  /** The method's arguments (on a controller: the transport's arguments, e.g. request, response). */
  args: readonly unknown[];
  className: string;
  methodName: string;
  /** The HTTP request, on controller handlers. */
  request?: unknown;
  /** Nest's execution context, on controller handlers. */
  executionContext?: NestExecutionContext;
}

/** `@RateLimit` options. */
export interface RateLimitDecoratorOptions extends Omit<RateLimitOptions, 'clock'> {
  /** Partition key; default on a controller: client IP + route; on a service: one bucket. */
  key?: (context: RateLimitKeyContext) => string;
}

/** A fallback function: gets the original arguments, then the error. */
export type FallbackHandler = (...argsThenError: never[]) => unknown;

/** `@Fallback` options (or pass a method name or a function directly). */
export interface FallbackDecoratorOptions {
  /** Layers in priority order; a `method` layer names a method of the same class. */
  layers?: (FallbackLayer | { type: 'method'; method: string })[];
  cache?: { ttlMs: number; staleTtlMs?: number; maxEntries?: number };
  defaultValue?: unknown;
  degradedValue?: unknown;
}

/** Everything `@Resilient` accepts at once. */
export interface ResilientOptions {
  circuitBreaker?: string | CircuitBreakerDecoratorOptions;
  retry?: string | RetryOptions;
  fallback?: string | FallbackHandler | FallbackDecoratorOptions;
  rateLimit?: string | RateLimitDecoratorOptions;
  timeout?: string | number | TimeoutOptions;
  bulkhead?: string | BulkheadOptions;
  /** This method's composition order, outermost first. */
  order?: PolicyKind[];
}
