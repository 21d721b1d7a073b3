/** What correlation and recovery ordering need to know about dependencies. */
export interface DependencyGraphView {
  /** The direct dependencies of a service, by name (empty when none or unknown). */
  dependenciesOf(name: string): readonly string[];
  /** Its known health: true healthy, false unhealthy, `undefined` unknown. */
  isHealthy?(name: string): boolean | undefined;
}

/** A graph that knows nothing: every service stands alone. */
export const NO_DEPENDENCIES: DependencyGraphView = { dependenciesOf: () => [] };

/** Everything `name` depends on, directly or further down; cycles are walked once. */
export function transitiveDependencies(name: string, graph: DependencyGraphView): Set<string> {
  const seen = new Set<string>();
  const pending = [...graph.dependenciesOf(name)];
  while (pending.length > 0) {
    const next = pending.pop() as string;
    if (next === name || seen.has(next)) continue;
    seen.add(next);
    pending.push(...graph.dependenciesOf(next));
  }
  return seen;
}
