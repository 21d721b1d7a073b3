import { transitiveDependencies, type DependencyGraphView } from '../core/classification/index.js';
import { ResilienceError } from '../core/errors/index.js';

/** The services to recover depend on each other in a circle: no order can work. */
export class RecoveryCycleError extends ResilienceError {
  constructor(readonly cycle: string[]) {
    super(`Services depend on each other in a cycle: ${cycle.join(' -> ')}`, 'RECOVERY_CYCLE');
  }
}

/**
 * `services` ordered dependencies first (also through services not in the list), ties in
 * the given order. @throws RecoveryCycleError naming the cycle.
 */
export function dependencyOrder(services: readonly string[], graph: DependencyGraphView): string[] {
  const wanted = new Set(services);
  const done = new Set<string>();
  const path: string[] = [];
  const order: string[] = [];
  const visit = (name: string): void => {
    const open = path.indexOf(name);
    if (open >= 0) throw new RecoveryCycleError([...path.slice(open), name]);
    if (done.has(name)) return;
    path.push(name);
    for (const dependency of graph.dependenciesOf(name)) visit(dependency);
    path.pop();
    done.add(name);
    if (wanted.has(name)) order.push(name);
  };
  for (const service of wanted) visit(service);
  return order;
}

/** The services of `batch` that `service` depends on, directly or further down. */
export function dependenciesWithin(
  service: string,
  batch: readonly string[],
  graph: DependencyGraphView,
): string[] {
  const all = transitiveDependencies(service, graph);
  return batch.filter((name) => all.has(name));
}
