import { Inject, Injectable } from '@nestjs/common';
import type { CircuitBreakerPolicy } from '../core/circuit-breaker/index.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { PolicyRegistry } from '../nest/policies/policy-registry.js';
import { withDefaults } from '../nest/policies/resolve-policy-settings.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { ResilienceService } from '../nest/resilience.service.js';

/** The app's breakers as recovery sees them: one per service, and which are open. */
@Injectable()
export class RecoveryBreakers {
  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly registry: PolicyRegistry,
    private readonly resilience: ResilienceService,
  ) {}

  /**
   * The breaker named like the service (a named policy's, or one the app already made),
   * else a shared one created with `defaults.circuitBreaker`, visible in admin and stats.
   */
  forService(serviceId: string): CircuitBreakerPolicy {
    return (
      this.resilience.breaker(serviceId) ??
      this.registry.breaker(serviceId, withDefaults('circuitBreaker', {}, this.options))
    );
  }

  /** The breaker of that name, if the app has one. */
  find(name: string): CircuitBreakerPolicy | undefined {
    return this.resilience.breaker(name);
  }

  /** Names of the breakers that are open now. */
  openBreakers(): string[] {
    return this.registry
      .allBreakers()
      .filter((breaker) => breaker.state === 'OPEN')
      .map((breaker) => breaker.name);
  }
}
