import { dependentsOf, findCycle, impactOf } from '../../../lib/health/graph/dependency-graph.js';
import { CRITICALITY_WEIGHTS, dependencyHealthScoreOf } from '../../../lib/health/health-score.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges));

describe('dependency graph', () => {
  it('finds no cycle in a diamond', () => {
    expect(findCycle(graph({ api: ['db', 'cache'], cache: ['db'], db: [] }))).toBeUndefined();
  });

  it.each([
    [{ a: ['a'] }, ['a', 'a']],
    [{ a: ['b'], b: ['a'] }, ['a', 'b', 'a']],
    [{ x: [], a: ['b'], b: ['c'], c: ['a'] }, ['a', 'b', 'c', 'a']],
  ])('finds the cycle in %j', (edges, cycle) => {
    expect(findCycle(graph(edges))).toEqual(cycle);
  });

  it('reports impact transitively, from every unhealthy dependency below', () => {
    const edges = graph({ web: ['api'], api: ['db', 'cache'], cache: [], db: [] });
    const impact = impactOf(edges, new Set(['db']));
    expect(impact.get('api')).toEqual(['db']);
    expect(impact.get('web')).toEqual(['db']);
    expect(impact.get('cache')).toEqual([]);
    expect(impact.get('db')).toEqual([]);
    expect(impactOf(edges, new Set(['db', 'api'])).get('web')).toEqual(['api', 'db']);
  });

  it('lists dependents', () => {
    const dependents = dependentsOf(graph({ web: ['api'], worker: ['api'], api: ['db'], db: [] }));
    expect(dependents.get('api')).toEqual(['web', 'worker']);
    expect(dependents.get('db')).toEqual(['api']);
    expect(dependents.get('web')).toEqual([]);
  });
});

describe('health score', () => {
  it('is 100 with nothing checked yet', () => {
    expect(dependencyHealthScoreOf([])).toBe(100);
    expect(
      dependencyHealthScoreOf([{ criticality: 'critical', status: 'unknown', impacted: false }]),
    ).toBe(100);
  });

  it('weighs by criticality', () => {
    expect(CRITICALITY_WEIGHTS).toEqual({ critical: 8, high: 4, medium: 2, low: 1 });
    const score = dependencyHealthScoreOf([
      { criticality: 'critical', status: 'healthy', impacted: false },
      { criticality: 'low', status: 'unhealthy', impacted: false },
    ]);
    expect(score).toBe(Math.round((8 / 9) * 100));
    const critical = dependencyHealthScoreOf([
      { criticality: 'critical', status: 'unhealthy', impacted: false },
      { criticality: 'low', status: 'healthy', impacted: false },
    ]);
    expect(critical).toBe(Math.round((1 / 9) * 100));
  });

  it('gives an impacted dependency half its weight', () => {
    expect(
      dependencyHealthScoreOf([
        { criticality: 'high', status: 'healthy', impacted: true },
        { criticality: 'high', status: 'healthy', impacted: false },
      ]),
    ).toBe(75);
  });
});
