import {
  createFallback,
  type FallbackPolicy,
  type ExecutionContext,
  type FallbackFunction,
  type FallbackLayer,
} from '../../../core/index.js';
import type {
  FallbackDecoratorOptions,
  FallbackHandler,
} from '../../decorators/decorator-options.types.js';
import type { ResilienceEvents } from '../../events/resilience-events.js';
import { stableKeyOf } from '../../execution/stable-key.js';
import type { Layer } from '../layer.js';
import { executeWithKey } from './keyed-call.js';

type FallbackSetting = FallbackDecoratorOptions | FallbackHandler | string;

/**
 * A method's fallback chain. Method and function layers get the original arguments, then
 * the error; the cache of last good results is kept per distinct arguments (per URL on a
 * controller). A `degradedValue` is served while `isDegraded()` (the degradation level).
 */
export function fallbackLayer(
  events: ResilienceEvents,
  name: string,
  setting: FallbackSetting,
  instance: object,
  isDegraded?: () => boolean,
): Layer {
  const options =
    typeof setting === 'object' ? setting : { layers: [functionLayer(setting, instance)] };
  const layers = options.layers?.map((layer) =>
    layer.type === 'method' ? functionLayer(layer.method, instance) : layer,
  );
  const fallback: FallbackPolicy = createFallback({ ...options, layers, isDegraded });
  fallback.on('fallback', ({ source, error }) =>
    events.emit('fallback.used', { name, source, error }),
  );
  events.emit('policy.created', { kind: 'fallback', name, policy: fallback });
  return {
    kind: 'fallback',
    target: fallback,
    executeFor: ({ args, request }, fn, callOptions) =>
      executeWithKey(fallback, fn, callOptions, args, cacheKeyOf(fallback, args, request?.url)),
  };
}

/**
 * The key of a call's cached result: its URL on a controller, else its arguments' JSON. Only
 * while the fallback keeps a cache (reconfiguration may add or drop it): serialising every
 * call's arguments for nothing would cost more than the fallback itself.
 */
function cacheKeyOf(
  fallback: FallbackPolicy,
  args: readonly unknown[],
  url: string | undefined,
): string | undefined {
  if (!fallback.cachesResults) return undefined;
  return url ?? stableKeyOf(args);
}

function functionLayer(target: string | FallbackHandler, instance: object): FallbackLayer {
  const handler =
    typeof target === 'string'
      ? ((instance as Record<string, FallbackHandler>)[target] as FallbackHandler).bind(instance)
      : target;
  const call = handler as (...argsThenError: unknown[]) => unknown;
  const fn: FallbackFunction = (error: unknown, context: ExecutionContext) =>
    call(...(context.args ?? []), error) as ReturnType<FallbackFunction>;
  return { type: 'function', fn, name: typeof target === 'string' ? target : target.name };
}
