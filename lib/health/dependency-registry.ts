import { ResilienceConfigError, type ConfigIssue } from '../core/errors/index.js';
import { OptionChecker } from '../core/validation/index.js';
import type { DependencyOptions, ResolvedDependency } from './dependency-options.js';
import type { DependencySnapshot } from './dependency-status.js';
import { dependentsOf, impactOf, type DependencyEdges } from './graph/dependency-graph.js';
import { redactUrl } from './redact-url.js';
import { resolveDependency, type DependencyDefaults } from './resolve-dependency.js';
import { DependencyState } from './tracking/dependency-state.js';
import { checkDependencyList } from './validation/check-dependency-list.js';

/** A registered dependency and the health its checks have shown. */
export interface RegisteredDependency {
  readonly dependency: ResolvedDependency;
  readonly state: DependencyState;
}

/** How dependencies are registered: the `healthChecking` defaults and the history kept per dependency. */
export interface DependencyRegistrySettings {
  defaults: DependencyDefaults;
  historySize: number;
}

/**
 * The registered dependencies. Additions are validated as a whole against what is already
 * registered and applied all or nothing, so the graph never holds an unknown name or a cycle.
 */
export class DependencyRegistry {
  private readonly entries = new Map<string, RegisteredDependency>();

  constructor(private readonly settings: DependencyRegistrySettings) {}

  /** Every issue adding `items` would have; `label` prefixes each issue's path. */
  validate(items: readonly unknown[], label = ''): ConfigIssue[] {
    const checker = new OptionChecker();
    checkDependencyList(checker, label, items, this.edges(), this.settings.defaults);
    return checker.issues;
  }

  /** Validates and adds every item, or nothing: throws `ResilienceConfigError` listing the issues. */
  add(items: readonly DependencyOptions[], label = ''): RegisteredDependency[] {
    const issues = this.validate(items, label);
    if (issues.length > 0) throw new ResilienceConfigError(issues);
    return items.map((options) => {
      const dependency = resolveDependency(options, this.settings.defaults);
      const { failureThreshold, successThreshold } = dependency.healthCheck;
      const state = new DependencyState(
        { failureThreshold, successThreshold },
        this.settings.historySize,
      );
      const entry = { dependency, state };
      this.entries.set(dependency.name, entry);
      return entry;
    });
  }

  /** Removes a dependency nothing else depends on; `false` for an unknown name. */
  remove(name: string): boolean {
    if (!this.entries.has(name)) return false;
    const dependents = dependentsOf(this.edges()).get(name) ?? [];
    if (dependents.length > 0) {
      throw new ResilienceConfigError([
        {
          path: name,
          message: `is needed by ${dependents.map((d) => `'${d}'`).join(', ')}; unregister those first`,
        },
      ]);
    }
    return this.entries.delete(name);
  }

  get(name: string): RegisteredDependency | undefined {
    return this.entries.get(name);
  }

  all(): RegisteredDependency[] {
    return [...this.entries.values()];
  }

  edges(): DependencyEdges {
    return new Map([...this.entries].map(([name, { dependency }]) => [name, dependency.dependsOn]));
  }

  /** Every dependency with its health and its place in the graph, in registration order. */
  snapshots(): DependencySnapshot[] {
    const edges = this.edges();
    const unhealthy = new Set(
      this.all()
        .filter(({ state }) => state.status === 'unhealthy')
        .map(({ dependency }) => dependency.name),
    );
    const impact = impactOf(edges, unhealthy);
    const dependents = dependentsOf(edges);
    return this.all().map(({ dependency, state }) => {
      const impactedBy = impact.get(dependency.name) ?? [];
      const { healthCheck: check } = dependency;
      return {
        name: dependency.name,
        type: dependency.type,
        criticality: dependency.criticality,
        impacted: impactedBy.length > 0,
        impactedBy,
        dependsOn: [...dependency.dependsOn],
        dependents: dependents.get(dependency.name) ?? [],
        fallbackStrategy: dependency.fallbackStrategy,
        recoveryTimeEstimateMs: dependency.recoveryTimeEstimateMs,
        description: dependency.description,
        checkKind: check.check ? 'custom' : 'endpoint',
        endpoint: redactUrl(check.endpoint),
        intervalMs: check.intervalMs,
        timeoutMs: check.timeoutMs,
        ...state.view(),
      };
    });
  }
}
