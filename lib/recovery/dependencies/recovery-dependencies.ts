import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { DependencyGraphView } from '../../core/classification/index.js';
import { DependencyHealthService } from '../../health/dependency-health.service.js';
import type { DependencySnapshot } from '../../health/dependency-status.js';
import { optionalProvider } from './optional-provider.js';

/**
 * The dependency graph recovery reads: the `dependsOn` and status of
 * `DependencyHealthService` when the app has it, plus what was declared here (for
 * services it does not check). Used for correlation, recovery order and success criteria.
 */
@Injectable()
export class RecoveryDependencies implements DependencyGraphView {
  private readonly declared = new Map<string, string[]>();
  private readonly health: () => DependencyHealthService | undefined;

  constructor(moduleRef: ModuleRef) {
    this.health = optionalProvider(moduleRef, DependencyHealthService);
  }

  /** Declares what `name` depends on, in addition to what health checking knows. */
  declare(name: string, dependsOn: readonly string[]): void {
    this.declared.set(name, [...dependsOn]);
  }

  /** Direct dependencies: health checking's `dependsOn` and what was declared. */
  dependenciesOf(name: string): readonly string[] {
    const checked = this.snapshot(name)?.dependsOn ?? [];
    return [...new Set([...checked, ...(this.declared.get(name) ?? [])])];
  }

  /** True healthy, false unhealthy, `undefined` unknown or not checked. */
  isHealthy(name: string): boolean | undefined {
    const status = this.snapshot(name)?.status;
    return status === undefined || status === 'unknown' ? undefined : status === 'healthy';
  }

  /** True when health checking is available in this app. */
  get checked(): boolean {
    return this.health() !== undefined;
  }

  private snapshot(name: string): DependencySnapshot | undefined {
    return this.health()?.get(name);
  }
}
