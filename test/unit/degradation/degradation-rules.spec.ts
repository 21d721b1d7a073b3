import { assessDegradation, type DegradationInputs } from 'nestjs-bulwark';

type Dep = DegradationInputs['dependencies'][number];
const down = (name: string, criticality: Dep['criticality']): Dep => ({
  name,
  criticality,
  status: 'unhealthy',
});
const up = (name: string, criticality: Dep['criticality']): Dep => ({
  name,
  criticality,
  status: 'healthy',
});
const breaker = (name: string, state: string, critical = false) => ({ name, state, critical });
const levelOf = (dependencies: Dep[], breakers: ReturnType<typeof breaker>[] = []) =>
  assessDegradation({ dependencies, breakers }).level;

describe('degradation rules', () => {
  it('is NORMAL when everything is up, and ignores unknown dependencies', () => {
    expect(
      levelOf([up('db', 'critical'), { name: 'new', criticality: 'critical', status: 'unknown' }]),
    ).toBe('NORMAL');
  });

  it.each([
    [[down('db', 'critical')], 'SEVERE'],
    [[down('db', 'critical'), down('auth', 'critical')], 'CRITICAL'],
    [[down('search', 'high')], 'MODERATE'],
    [[down('search', 'high'), down('mail', 'high')], 'SEVERE'],
    [[down('cache', 'medium')], 'MINOR'],
    [[down('cache', 'medium'), down('cdn', 'medium')], 'MODERATE'],
    [[down('stats', 'low')], 'NORMAL'],
    [[down('stats', 'low'), down('logs', 'low')], 'MINOR'],
    [[down('cache', 'medium'), down('db', 'critical')], 'SEVERE'],
  ] as const)('dependencies down %j -> %s', (dependencies, level) => {
    expect(levelOf([...dependencies])).toBe(level);
  });

  it.each([
    [[breaker('payments', 'OPEN', true)], 'SEVERE'],
    [[breaker('payments', 'OPEN', true), breaker('orders', 'OPEN', true)], 'CRITICAL'],
    [[breaker('rates', 'OPEN')], 'MINOR'],
    [[breaker('rates', 'OPEN'), breaker('geo', 'OPEN')], 'MODERATE'],
    [[breaker('rates', 'HALF_OPEN'), breaker('payments', 'CLOSED', true)], 'NORMAL'],
  ] as const)('breakers %j -> %s', (breakers, level) => {
    expect(levelOf([], [...breakers])).toBe(level);
  });

  it('names every rule that applies', () => {
    const { reasons } = assessDegradation({
      dependencies: [down('db', 'critical'), down('cache', 'medium')],
      breakers: [breaker('rates', 'OPEN')],
    });
    expect(reasons).toEqual([
      'critical dependency down: db',
      'medium dependency down: cache',
      'circuit breaker open: rates',
    ]);
  });
});
