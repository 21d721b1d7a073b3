import { transitiveDependencies, type DependencyGraphView } from './dependency-graph.js';

/** A service that reported errors, and when its first one in the window was. */
export interface FailingService {
  name: string;
  firstErrorAt: number;
}

/**
 * The probable origin of failures seen together: the service the most failing services
 * depend on (directly or further down). A dependency that reports no errors itself is a
 * candidate too (a database the failing services share), unless it is known to be healthy.
 * Ties go to a service that reported errors, then to the earliest first error.
 */
export function probableOrigin(failing: FailingService[], graph: DependencyGraphView): string {
  const firstErrorAt = new Map(failing.map((service) => [service.name, service.firstErrorAt]));
  const dependents = new Map<string, number>();
  for (const service of failing) {
    for (const dependency of transitiveDependencies(service.name, graph)) {
      if (!firstErrorAt.has(dependency) && graph.isHealthy?.(dependency) === true) continue;
      dependents.set(dependency, (dependents.get(dependency) ?? 0) + 1);
    }
  }
  const candidates = new Set([...failing.map((service) => service.name), ...dependents.keys()]);
  return [...candidates].sort((a, b) => compare(a, b, dependents, firstErrorAt))[0];
}

function compare(
  a: string,
  b: string,
  dependents: Map<string, number>,
  firstErrorAt: Map<string, number>,
): number {
  const byDependents = (dependents.get(b) ?? 0) - (dependents.get(a) ?? 0);
  if (byDependents !== 0) return byDependents;
  const aReported = firstErrorAt.has(a) ? 0 : 1;
  const bReported = firstErrorAt.has(b) ? 0 : 1;
  if (aReported !== bReported) return aReported - bReported;
  const byTime = (firstErrorAt.get(a) ?? Infinity) - (firstErrorAt.get(b) ?? Infinity);
  return Number.isNaN(byTime) || byTime === 0 ? a.localeCompare(b) : byTime;
}
