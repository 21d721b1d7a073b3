import type { OptionChecker } from '../../core/validation/index.js';
import { findCycle, type DependencyEdges } from '../graph/dependency-graph.js';
import { checkDependency, type CheckTimingDefaults } from './check-dependency.js';

type Fields = Record<string, unknown>;

/**
 * Checks dependencies to be added to those already registered (`existing`): each one's
 * fields, then the list as a whole: no name twice, every `dependsOn` names a known
 * dependency, and no cycle. Issues are reported at `<label>[i].<field>` (just `<field>` for
 * a single dependency with an empty label, as in a request body).
 */
export function checkDependencyList(
  checker: OptionChecker,
  label: string,
  items: readonly unknown[],
  existing: DependencyEdges,
  defaults: CheckTimingDefaults,
): void {
  const at = (i: number) => (label === '' && items.length === 1 ? '' : `${label}[${i}]`);
  items.forEach((item, i) => checkDependency(checker, at(i), item, defaults));
  const named = items.map((item) =>
    isFields(item) && typeof item.name === 'string' ? item : undefined,
  );
  const known = new Set(existing.keys());
  named.forEach((item, i) => {
    if (!item) return;
    const name = item.name as string;
    if (known.has(name)) checker.child(at(i)).fail('name', `'${name}' is already registered`);
    known.add(name);
  });
  const edges = new Map(existing);
  named.forEach((item, i) => {
    if (!item || !Array.isArray(item.dependsOn)) return;
    const needs = item.dependsOn.filter((name): name is string => typeof name === 'string');
    const unknown = needs.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      checker
        .child(at(i))
        .fail(
          'dependsOn',
          `names unknown dependencies: ${unknown.map((n) => `'${n}'`).join(', ')}`,
        );
    }
    edges.set(item.name as string, needs);
  });
  const cycle = findCycle(edges);
  if (cycle) {
    const index = named.findIndex((item) => item && cycle.includes(item.name as string));
    checker.child(at(Math.max(index, 0))).fail('dependsOn', `forms a cycle: ${cycle.join(' -> ')}`);
  }
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
