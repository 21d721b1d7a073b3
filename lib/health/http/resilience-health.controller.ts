import { Body, Controller, Get, Inject, Post, UseGuards, type Type } from '@nestjs/common';
import { ResilienceConfigError } from '../../core/errors/index.js';
import { DegradationService } from '../../degradation/degradation.service.js';
import { AdminAuthGuard } from '../../nest/admin/admin-auth.guard.js';
import type { ResolvedResilienceOptions } from '../../nest/options/index.js';
import { PolicyRegistry } from '../../nest/policies/policy-registry.js';
import { RESILIENCE_OPTIONS } from '../../nest/resilience.constants.js';
import { summarizeBreakers } from '../breaker-summary.js';
import { DependencyHealthService } from '../dependency-health.service.js';
import type { DependencyOptions } from '../dependency-options.js';
import type { DependencySnapshot } from '../dependency-status.js';
import type { DependencySummary } from '../dependency-summary.js';
import { overallHealthOf, type OverallHealth } from '../overall-health.js';
import { invalidBody } from './invalid-body.js';

const MAX_PER_REQUEST = 100;

/** `GET /resilience/dependencies`: every dependency, the summary and the graph's edges. */
export interface DependencyListing {
  summary: DependencySummary;
  dependencies: DependencySnapshot[];
  /** `from` depends on `to`. */
  edges: { from: string; to: string }[];
}

/** Builds the dependency and overall-health routes under the `resilience` group's path. */
export function createResilienceHealthController(path: string): Type<unknown> {
  @Controller(path)
  class ResilienceHealthReportController {
    constructor(
      private readonly dependencies: DependencyHealthService,
      private readonly degradation: DegradationService,
      private readonly registry: PolicyRegistry,
      @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    ) {}

    /** One verdict over dependencies, breakers and degradation; always 200 (probes use /health). */
    @Get('health')
    health(): OverallHealth {
      const critical = this.options.healthChecking.criticalBreakers;
      return overallHealthOf(
        this.dependencies.summary(),
        summarizeBreakers(this.registry.allBreakers(), critical),
        this.degradation.status(),
        Date.now(),
      );
    }

    @Get('dependencies')
    list(): DependencyListing {
      const dependencies = this.dependencies.list();
      return {
        summary: this.dependencies.summary(),
        dependencies,
        edges: dependencies.flatMap((d) => d.dependsOn.map((to) => ({ from: d.name, to }))),
      };
    }

    /** Registers one dependency (an object) or several at once (an array); 400 changes nothing. */
    @Post('dependencies')
    @UseGuards(AdminAuthGuard)
    register(@Body() body: unknown): { registered: DependencySnapshot[] } {
      const items: unknown[] = Array.isArray(body) ? body : [body];
      if (items.length === 0 || items.length > MAX_PER_REQUEST) {
        const message = `must hold 1 to ${MAX_PER_REQUEST} dependencies, got ${items.length}`;
        throw invalidBody('dependency', [{ path: '', message }]);
      }
      try {
        return { registered: this.dependencies.register(items as DependencyOptions[]) };
      } catch (error) {
        if (error instanceof ResilienceConfigError) throw invalidBody('dependency', error.issues);
        throw error;
      }
    }
  }
  return ResilienceHealthReportController;
}
