import {
  ErrorCorrelator,
  TestClock,
  probableOrigin,
  type DependencyGraphView,
} from 'nestjs-bulwark';

const graph = (edges: Record<string, string[]>, healthy: string[] = []): DependencyGraphView => ({
  dependenciesOf: (name) => edges[name] ?? [],
  isHealthy: (name) => (healthy.includes(name) ? true : undefined),
});

describe('ErrorCorrelator', () => {
  it('reports one incident once two services fail within the window, and forgets old errors', async () => {
    const clock = new TestClock();
    const correlator = new ErrorCorrelator({ windowMs: 10_000, clock });
    correlator.record('api', 'timeout');
    await clock.advance(4_000);
    correlator.record('db', 'connection');
    correlator.record('db', 'connection');
    expect(correlator.incident(graph({ api: ['db'] }))).toEqual({
      services: ['api', 'db'],
      probableOrigin: 'db',
      startedAt: 0,
      lastErrorAt: 4_000,
      errorCount: 3,
      categories: { timeout: 1, connection: 2 },
    });
    await clock.advance(6_001);
    expect(correlator.incident()).toBeUndefined();
  });

  it('keeps at most maxErrorsPerService per service', () => {
    const correlator = new ErrorCorrelator({ maxErrorsPerService: 3, clock: new TestClock() });
    for (let i = 0; i < 10; i++) correlator.record('a', 'timeout');
    correlator.record('b', 'timeout');
    expect(correlator.incident()?.errorCount).toBe(4);
  });
});

describe('probableOrigin', () => {
  const failing = (...names: string[]) => names.map((name, i) => ({ name, firstErrorAt: i }));

  it('is the earliest failure when the graph says nothing', () => {
    expect(probableOrigin(failing('web', 'api'), graph({}))).toBe('web');
  });

  it('is the failing service the most others depend on, through intermediate ones', () => {
    expect(probableOrigin(failing('web', 'api', 'db'), graph({ web: ['api'], api: ['db'] }))).toBe(
      'db',
    );
  });

  it('is a shared dependency that reports nothing itself, unless it is known healthy', () => {
    const edges = { orders: ['postgres'], billing: ['postgres'] };
    expect(probableOrigin(failing('orders', 'billing'), graph(edges))).toBe('postgres');
    expect(probableOrigin(failing('orders', 'billing'), graph(edges, ['postgres']))).toBe('orders');
  });
});
