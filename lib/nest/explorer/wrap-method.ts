import { Observable } from 'rxjs';
import { ResilienceConfigError } from '../../core/index.js';
import {
  observableThroughPipeline,
  promiseThroughPipeline,
} from '../execution/run-through-pipeline.js';
import { describeMethod } from '../policies/method-identity.js';
import type { MethodPipeline } from '../policies/method-pipeline.js';
import { WRAPPED_BY_RESILIENCE } from '../resilience.constants.js';

type AnyMethod = (this: unknown, ...args: unknown[]) => unknown;

/** Return types (from `design:returntype`) that leave the contract open: a promise may come back. */
const ASYNC_OR_UNKNOWN_RETURN_TYPES: unknown[] = [undefined, Promise, Observable, Object];

/**
 * Replaces `target[methodName]` with a function that runs the original through the
 * pipeline. `this`, the arguments, the name and every metadata key of the original stay
 * intact; a function already wrapped is left alone, so nothing is applied twice.
 */
export function wrapMethod(target: object, methodName: string, pipeline: MethodPipeline): void {
  const original = (target as Record<string, AnyMethod>)[methodName];
  if (isWrapped(original)) return;
  const returnsObservable = declaredReturnType(target, methodName) === Observable;
  rejectSynchronousMethods(target, methodName, pipeline);
  const wrapped = function (this: object, ...args: unknown[]): unknown {
    const invocation = { args };
    return returnsObservable
      ? observableThroughPipeline(
          pipeline,
          invocation,
          () => original.apply(this, args) as Observable<unknown>,
        )
      : promiseThroughPipeline(pipeline, invocation, () => original.apply(this, args));
  };
  copyMetadata(original, wrapped);
  Object.defineProperty(wrapped, 'name', { value: original.name });
  Object.defineProperty(wrapped, WRAPPED_BY_RESILIENCE, { value: true });
  Object.defineProperty(target, methodName, { value: wrapped, writable: true, configurable: true });
}

function isWrapped(fn: unknown): boolean {
  return (
    typeof fn === 'function' &&
    (fn as unknown as Record<symbol, unknown>)[WRAPPED_BY_RESILIENCE] === true
  );
}

function declaredReturnType(target: object, methodName: string): unknown {
  return Reflect.getMetadata('design:returntype', target, methodName);
}

/** Policies are asynchronous: a method declared to return a plain value cannot keep its contract. */
function rejectSynchronousMethods(
  target: object,
  methodName: string,
  pipeline: MethodPipeline,
): void {
  const returnType = declaredReturnType(target, methodName);
  if (!ASYNC_OR_UNKNOWN_RETURN_TYPES.includes(returnType)) {
    throw new ResilienceConfigError([
      {
        path: describeMethod(pipeline.method),
        message: `returns ${(returnType as { name: string }).name} synchronously; resilience decorators need a method that returns a Promise or an Observable (make it async)`,
        source: 'decorator',
      },
    ]);
  }
}

function copyMetadata(from: object, to: object): void {
  for (const key of Reflect.getMetadataKeys(from) as unknown[]) {
    Reflect.defineMetadata(key, Reflect.getMetadata(key, from), to);
  }
}
