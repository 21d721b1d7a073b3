import { callContext, type ExecuteOptions, type ExecutionContext } from '../../../core/index.js';
import type { RateLimitDecoratorOptions } from '../../decorators/decorator-options.types.js';
import { clientAddressOf } from '../../execution/client-address.js';
import type { Invocation } from '../../execution/invocation.js';
import type { MethodIdentity } from '../method-identity.js';
import type { Layer } from '../layer.js';
import { ClientKeys } from './client-keys.js';
import type { PolicyRegistry } from '../policy-registry.js';

/**
 * Takes a permit before the call. The decision goes to the invocation (for headers), then
 * the limiter runs the call under it (feeding the adaptive algorithm).
 */
export function rateLimitLayer(
  registry: PolicyRegistry,
  name: string,
  options: RateLimitDecoratorOptions,
  method: MethodIdentity,
): Layer {
  const { key: keyOf, ...limiterOptions } = options;
  const limiter = registry.limiter(name, limiterOptions);
  const clientKeys = new ClientKeys(name);
  const keyFor = (invocation: Invocation): string =>
    keyOf
      ? String(
          keyOf({
            ...method,
            args: invocation.args,
            request: invocation.request,
            executionContext: invocation.executionContext,
          }),
        )
      : defaultKey(invocation, clientKeys);
  /** The call's context under the limiter: its arguments and its partition key. */
  const contextFor = (
    invocation: Invocation,
    callOptions: ExecuteOptions | undefined,
  ): ExecutionContext => callContext(callOptions, invocation.args, keyFor(invocation));
  return {
    kind: 'rateLimit',
    target: limiter,
    executeFor: (invocation, fn, callOptions) => {
      try {
        return limiter.executeReporting(fn, contextFor(invocation, callOptions), invocation);
      } catch (error) {
        return Promise.reject(error);
      }
    },
    admitNow: (invocation, callOptions) => {
      if (!limiter.decidesSynchronously()) return undefined;
      const context = contextFor(invocation, callOptions);
      limiter.admitNow(context, invocation);
      return context;
    },
  };
}

/**
 * Controllers: client IP + limiter (a method's own limiter is named `Class.method`, so
 * that is IP + route; a named or per-prefix limiter is one budget per client across the
 * routes that share it). Other providers: one bucket per limiter.
 */
function defaultKey(invocation: Invocation, clientKeys: ClientKeys): string {
  const { request } = invocation;
  return request ? clientKeys.of(clientAddressOf(request) ?? 'unknown') : clientKeys.limiterName;
}
