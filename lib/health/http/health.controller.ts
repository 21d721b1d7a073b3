import { Controller, Get, type Type } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { HealthIndicatorSet } from '../indicators/health-indicator-set.js';

/**
 * Builds the Terminus health routes under the `health` group's path. Each answers 200
 * with `status: 'ok'` (or `'degraded'` when an indicator is degraded), and 503 with
 * `status: 'error'` when one is down, or `'shutting_down'` while the app stops.
 */
export function createHealthController(path: string): Type<unknown> {
  @Controller(path)
  class ResilienceHealthController {
    constructor(
      private readonly health: HealthCheckService,
      private readonly indicators: HealthIndicatorSet,
    ) {}

    /** Dependencies, circuit breakers, degradation, memory and the DLQ. */
    @Get()
    @HealthCheck()
    check(): Promise<HealthCheckResult> {
      return this.health.check(this.indicators.all(false));
    }

    /** Liveness: the process answers. Never looks downstream. */
    @Get('live')
    @HealthCheck()
    live(): Promise<HealthCheckResult> {
      return this.health.check(this.indicators.liveness());
    }

    /** Readiness: 503 while a critical dependency is down, a critical breaker is open, or degradation is SEVERE or worse. */
    @Get('ready')
    @HealthCheck()
    ready(): Promise<HealthCheckResult> {
      return this.health.check(this.indicators.readiness());
    }

    /** Everything, with every dependency's and breaker's details and the process. */
    @Get('detailed')
    @HealthCheck()
    detailed(): Promise<HealthCheckResult> {
      return this.health.check(this.indicators.all(true));
    }

    @Get('circuit-breakers')
    @HealthCheck()
    circuitBreakers(): Promise<HealthCheckResult> {
      return this.health.check([
        () => this.indicators.circuitBreakers.check('circuitBreakers', true),
      ]);
    }

    /** The level, the rules that apply, the override and its reason, the features switched off. */
    @Get('degradation')
    @HealthCheck()
    degradation(): Promise<HealthCheckResult> {
      return this.health.check([() => this.indicators.degradation.check('degradation', true)]);
    }

    @Get('dlq')
    @HealthCheck()
    dlq(): Promise<HealthCheckResult> {
      return this.health.check([() => this.indicators.dlq.check('dlq')]);
    }
  }
  return ResilienceHealthController;
}
