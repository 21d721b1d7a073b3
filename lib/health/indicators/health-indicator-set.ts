import { Injectable } from '@nestjs/common';
import type { HealthIndicatorFunction } from '@nestjs/terminus';
import { CircuitBreakersHealthIndicator } from './circuit-breakers.indicator.js';
import { DegradationHealthIndicator } from './degradation.indicator.js';
import { DependenciesHealthIndicator } from './dependencies.indicator.js';
import { DeadLetterQueueHealthIndicator } from './dlq.indicator.js';
import { MemoryHealthIndicator } from './memory.indicator.js';
import { ProcessHealthIndicator } from './process.indicator.js';

/**
 * The indicators each health route runs. Readiness looks at what makes serving traffic
 * pointless (critical dependencies, critical breakers, the degradation level); liveness
 * only at the process, so an outage downstream never gets the pod restarted.
 */
@Injectable()
export class HealthIndicatorSet {
  constructor(
    readonly dependencies: DependenciesHealthIndicator,
    readonly circuitBreakers: CircuitBreakersHealthIndicator,
    readonly degradation: DegradationHealthIndicator,
    readonly memory: MemoryHealthIndicator,
    readonly dlq: DeadLetterQueueHealthIndicator,
    readonly process: ProcessHealthIndicator,
  ) {}

  /** Every capability; `detailed` adds per-dependency and per-breaker data and the process. */
  all(detailed: boolean): HealthIndicatorFunction[] {
    const indicators: HealthIndicatorFunction[] = [
      () => this.dependencies.check('dependencies', detailed),
      () => this.circuitBreakers.check('circuitBreakers', detailed),
      () => this.degradation.check('degradation', detailed),
      () => this.memory.check('memory'),
      () => this.dlq.check('dlq'),
    ];
    return detailed ? [...indicators, () => this.process.check('process')] : indicators;
  }

  liveness(): HealthIndicatorFunction[] {
    return [() => this.process.check('process')];
  }

  readiness(): HealthIndicatorFunction[] {
    return [
      () => this.dependencies.check('dependencies'),
      () => this.circuitBreakers.check('circuitBreakers'),
      () => this.degradation.check('degradation'),
    ];
  }
}
