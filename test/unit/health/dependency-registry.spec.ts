import { ResilienceConfigError } from 'nestjs-bulwark';
import { DependencyRegistry } from '../../../lib/health/dependency-registry.js';
import type { DependencyOptions } from '../../../lib/health/dependency-options.js';

const defaults = {
  defaultTimeoutMs: 1_000,
  defaultIntervalMs: 10_000,
  defaultFailureThreshold: 3,
  defaultSuccessThreshold: 2,
};
const registry = () => new DependencyRegistry({ defaults, historySize: 5 });
const dependency = (name: string, extra: Partial<DependencyOptions> = {}): DependencyOptions => ({
  name,
  type: 'external_api',
  healthCheck: { endpoint: `http://127.0.0.1:9/${name}` },
  ...extra,
});
const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path);

describe('DependencyRegistry', () => {
  it('fills defaults from healthChecking', () => {
    const [entry] = registry().add([dependency('api')]);
    expect(entry.dependency).toMatchObject({
      criticality: 'medium',
      fallbackStrategy: 'none',
      dependsOn: [],
      healthCheck: {
        method: 'GET',
        timeoutMs: 1_000,
        intervalMs: 10_000,
        failureThreshold: 3,
        successThreshold: 2,
      },
    });
  });

  it.each([
    ['unknown type', { type: 'mainframe' }, 'type'],
    ['unknown criticality', { criticality: 'vital' }, 'criticality'],
    ['bad URL', { healthCheck: { endpoint: 'not a url' } }, 'healthCheck.endpoint'],
    ['non-http URL', { healthCheck: { endpoint: 'ftp://host/x' } }, 'healthCheck.endpoint'],
    ['no endpoint nor check', { healthCheck: {} }, 'healthCheck.endpoint'],
    [
      'zero threshold',
      { healthCheck: { endpoint: 'http://h/', failureThreshold: 0 } },
      'healthCheck.failureThreshold',
    ],
    [
      'fractional threshold',
      { healthCheck: { endpoint: 'http://h/', successThreshold: 1.5 } },
      'healthCheck.successThreshold',
    ],
    [
      'negative interval',
      { healthCheck: { endpoint: 'http://h/', intervalMs: -5 } },
      'healthCheck.intervalMs',
    ],
    [
      'timeout above interval',
      { healthCheck: { endpoint: 'http://h/', timeoutMs: 20_000 } },
      'healthCheck.timeoutMs',
    ],
    [
      'status out of range',
      { healthCheck: { endpoint: 'http://h/', expectedStatus: 700 } },
      'healthCheck.expectedStatus',
    ],
    [
      'unknown method',
      { healthCheck: { endpoint: 'http://h/', method: 'TRACE' } },
      'healthCheck.method',
    ],
    [
      'endpoint and check',
      { healthCheck: { endpoint: 'http://h/', check: () => true } },
      'healthCheck.check',
    ],
    ['unknown key', { colour: 'red' }, 'colour'],
    ['bad name', { name: 'has space' }, 'name'],
  ])('refuses %s', (_case, patch, path) => {
    const reg = registry();
    const issues = reg.validate([{ ...dependency('api'), ...patch }]);
    expect(paths(issues)).toContain(path);
    expect(() => reg.add([{ ...dependency('api'), ...patch } as DependencyOptions])).toThrow(
      ResilienceConfigError,
    );
    expect(reg.all()).toHaveLength(0);
  });

  it('refuses a name already registered', () => {
    const reg = registry();
    reg.add([dependency('api')]);
    expect(reg.validate([dependency('api')])).toEqual([
      expect.objectContaining({ path: 'name', message: "'api' is already registered" }),
    ]);
  });

  it('refuses an unknown dependsOn and a cycle, adding nothing of the batch', () => {
    const reg = registry();
    reg.add([dependency('db')]);
    const unknown = reg.validate([dependency('api', { dependsOn: ['db', 'queue'] })]);
    expect(unknown[0]).toMatchObject({
      path: 'dependsOn',
      message: expect.stringContaining("'queue'"),
    });
    const batch = [
      dependency('a', { dependsOn: ['b'] }),
      dependency('b', { dependsOn: ['a'] }),
      dependency('c'),
    ];
    expect(() => reg.add(batch)).toThrow(/forms a cycle: a -> b -> a/);
    expect(reg.all().map((e) => e.dependency.name)).toEqual(['db']);
  });

  it('accepts dependsOn within the same batch, in any order', () => {
    const reg = registry();
    reg.add([dependency('api', { dependsOn: ['db'] }), dependency('db')]);
    expect(reg.snapshots().find((s) => s.name === 'db')?.dependents).toEqual(['api']);
  });

  it('labels issues of a list by index', () => {
    const issues = registry().validate([dependency('ok'), { name: 'x' }], 'dependencies');
    expect(paths(issues)).toEqual(
      expect.arrayContaining(['dependencies[1].type', 'dependencies[1].healthCheck']),
    );
  });

  it('refuses to remove a dependency that others need', () => {
    const reg = registry();
    reg.add([dependency('db'), dependency('api', { dependsOn: ['db'] })]);
    expect(() => reg.remove('db')).toThrow(/needed by 'api'/);
    expect(reg.remove('api')).toBe(true);
    expect(reg.remove('db')).toBe(true);
    expect(reg.remove('db')).toBe(false);
  });

  it('reports impacted dependents and hides endpoint secrets', () => {
    const reg = registry();
    const [db] = reg.add([
      dependency('db', {
        healthCheck: {
          endpoint: 'http://user:pw@db.local:5432/health?token=t',
          failureThreshold: 1,
        },
      }),
    ]);
    reg.add([dependency('api', { dependsOn: ['db'] })]);
    db.state.record({ at: 1, ok: false, responseTimeMs: 1, error: 'down' });
    const [dbView, apiView] = reg.snapshots();
    expect(dbView).toMatchObject({ status: 'unhealthy', endpoint: 'http://db.local:5432/health' });
    expect(apiView).toMatchObject({ impacted: true, impactedBy: ['db'], status: 'unknown' });
  });
});
