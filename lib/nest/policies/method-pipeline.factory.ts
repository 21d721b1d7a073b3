import { Inject, Injectable, Optional } from '@nestjs/common';
import type { PolicyKind } from '../../core/index.js';
import type { ResilienceMetadata } from '../decorators/resilience-metadata.js';
import { ResilienceEvents } from '../events/resilience-events.js';
import type { ResolvedResilienceOptions } from '../options/index.js';
import { RESILIENCE_OPTIONS } from '../resilience.constants.js';
import { bulkheadLayer } from './layers/bulkhead.layer.js';
import { circuitBreakerLayer } from './layers/circuit-breaker.layer.js';
import { FEATURE_GATE, type FeatureGate } from './feature-gate.js';
import { fallbackLayer } from './layers/fallback.layer.js';
import { withFeatureGate } from './layers/feature-gate.layer.js';
import { rateLimitLayer } from './layers/rate-limit.layer.js';
import { retryLayer } from './layers/retry.layer.js';
import { timeoutLayer } from './layers/timeout.layer.js';
import type { Layer } from './layer.js';
import { describeMethod, type MethodIdentity } from './method-identity.js';
import { MethodPipeline } from './method-pipeline.js';
import { NamedPolicyInstances } from './named-policy-instances.js';
import { PolicyRegistry } from './policy-registry.js';
import type { PolicySettings } from './policy-settings.js';
import { resolvePolicySettings } from './resolve-policy-settings.js';
import { validatePolicySettings } from './validate-policy-settings.js';

/**
 * Turns a method's decorator metadata into its pipeline: settings filled from named
 * policies and defaults, validated (start-up fails naming the class and method), then
 * one layer per policy kind in the configured order.
 */
@Injectable()
export class MethodPipelineFactory {
  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly registry: PolicyRegistry,
    private readonly events: ResilienceEvents,
    private readonly namedInstances: NamedPolicyInstances,
    @Optional() @Inject(FEATURE_GATE) private readonly gate?: FeatureGate,
  ) {}

  create(metadata: ResilienceMetadata, method: MethodIdentity, instance: object): MethodPipeline {
    const settings = resolvePolicySettings(metadata, this.options, method);
    validatePolicySettings(settings, metadata, method, instance);
    const layers: Layer[] = [];
    for (const kind of settings.order) {
      const name = metadata.instanceNames?.[kind] ?? this.nameOf(kind, settings, method);
      const layer = this.layerFor(kind, name, settings, method, instance);
      if (!layer) continue;
      layers.push(layer);
      const origin = settings.origins[kind];
      if (origin)
        this.namedInstances.track(origin.policy, {
          kind,
          name,
          target: layer.target,
          overrides: origin.overrides,
        });
    }
    return new MethodPipeline(method, withFeatureGate(layers, metadata.feature, this.gate));
  }

  private layerFor(
    kind: PolicyKind,
    name: string,
    settings: PolicySettings,
    method: MethodIdentity,
    instance: object,
  ): Layer | undefined {
    switch (kind) {
      case 'circuitBreaker':
        return (
          settings.circuitBreaker &&
          circuitBreakerLayer(this.registry, name, settings.circuitBreaker)
        );
      case 'retry':
        return settings.retry && retryLayer(this.events, name, settings.retry);
      case 'timeout':
        return settings.timeout && timeoutLayer(this.events, name, settings.timeout);
      case 'bulkhead':
        return settings.bulkhead && bulkheadLayer(this.registry, name, settings.bulkhead);
      case 'rateLimit':
        return (
          settings.rateLimit && rateLimitLayer(this.registry, name, settings.rateLimit, method)
        );
      case 'fallback':
        return settings.fallback !== undefined
          ? fallbackLayer(this.events, name, settings.fallback, instance, () =>
              Boolean(this.gate?.isDegraded()),
            )
          : undefined;
    }
  }

  /** An explicit `name`, else the named policy it came from, else `Class.method`. */
  private nameOf(kind: PolicyKind, settings: PolicySettings, method: MethodIdentity): string {
    const explicit = (settings[kind] as { name?: unknown } | undefined)?.name;
    if (typeof explicit === 'string') return explicit;
    return settings.sharedNames[kind] ?? describeMethod(method);
  }
}
