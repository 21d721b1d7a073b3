/** Per dependency, the names it depends on. */
export type DependencyEdges = ReadonlyMap<string, readonly string[]>;

/** A cycle as a path that starts and ends with the same name (`a → b → a`), or `undefined`. */
export function findCycle(edges: DependencyEdges): string[] | undefined {
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (name: string): string[] | undefined => {
    const open = onPath.indexOf(name);
    if (open >= 0) return [...onPath.slice(open), name];
    if (done.has(name)) return undefined;
    onPath.push(name);
    for (const next of edges.get(name) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    onPath.pop();
    done.add(name);
    return undefined;
  };
  for (const name of edges.keys()) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}

/**
 * Per dependency, the unhealthy dependencies it needs, directly or further down (sorted);
 * an empty list means it is not impacted. Assumes no cycles (registration refuses them).
 */
export function impactOf(
  edges: DependencyEdges,
  unhealthy: ReadonlySet<string>,
): Map<string, string[]> {
  const memo = new Map<string, Set<string>>();
  const reach = (name: string): Set<string> => {
    const known = memo.get(name);
    if (known) return known;
    const found = new Set<string>();
    memo.set(name, found);
    for (const next of edges.get(name) ?? []) {
      if (unhealthy.has(next)) found.add(next);
      for (const below of reach(next)) found.add(below);
    }
    return found;
  };
  return new Map([...edges.keys()].map((name) => [name, [...reach(name)].sort()]));
}

/** Per dependency, the dependencies that name it in `dependsOn` (sorted). */
export function dependentsOf(edges: DependencyEdges): Map<string, string[]> {
  const dependents = new Map<string, string[]>([...edges.keys()].map((name) => [name, []]));
  for (const [name, needs] of edges) {
    for (const needed of needs) dependents.get(needed)?.push(name);
  }
  for (const list of dependents.values()) list.sort();
  return dependents;
}
