import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { ResilienceEvents, type CreatedPolicy } from '../nest/events/resilience-events.js';
import { PolicyRegistry } from '../nest/policies/policy-registry.js';
import { bindBreaker } from './bind-breaker.js';
import { bindFallback, bindLimiter, bindRetry } from './bind-policies.js';
import type { MetricSet } from './metric-set.js';
import { ResilienceMetrics } from './resilience-metrics.js';

/**
 * Connects every policy the module creates, dependency checks and degradation changes to
 * the metrics. It subscribes in its constructor, before the explorer creates the policies
 * at start-up, and also picks up shared policies that already exist; on shutdown it lets
 * go of them all.
 */
@Injectable()
export class MetricsFeed implements OnApplicationShutdown {
  private readonly unbind: (() => void)[] = [];
  private readonly bound = new WeakSet<object>();

  constructor(metrics: ResilienceMetrics, events: ResilienceEvents, registry: PolicyRegistry) {
    const set = metrics.metricSet;
    if (!set) return;
    this.unbind.push(
      events.on('policy.created', (created) => this.bind(set, created)),
      events.on('dependency.checked', ({ name, ok, responseTimeMs }) =>
        metrics.recordHealthCheck(name, ok, responseTimeMs),
      ),
      events.on('degradation.levelChange', ({ from, to }) =>
        metrics.recordDegradationChange(from, to),
      ),
    );
    for (const policy of registry.allBreakers()) {
      this.bind(set, { kind: 'circuitBreaker', name: policy.name, policy });
    }
    for (const policy of registry.allLimiters()) {
      this.bind(set, { kind: 'rateLimit', name: policy.name, policy });
    }
  }

  onApplicationShutdown(): void {
    for (const off of this.unbind.splice(0)) off();
  }

  private bind(set: MetricSet, created: CreatedPolicy): void {
    if (this.bound.has(created.policy)) return;
    this.bound.add(created.policy);
    const { name } = created;
    switch (created.kind) {
      case 'circuitBreaker':
        return void this.unbind.push(bindBreaker(set, name, created.policy));
      case 'rateLimit':
        return void this.unbind.push(bindLimiter(set, name, created.policy));
      case 'retry':
        return void this.unbind.push(bindRetry(set, name, created.policy));
      case 'fallback':
        return void this.unbind.push(bindFallback(set, name, created.policy));
    }
  }
}
