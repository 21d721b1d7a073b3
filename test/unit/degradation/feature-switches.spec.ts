import { ResilienceConfigError } from 'nestjs-bulwark';
import { FeatureSwitches } from '../../../lib/degradation/feature-switches.js';
import { parseSetLevelBody } from '../../../lib/degradation/set-level-body.js';

describe('FeatureSwitches', () => {
  it('switches a feature off at its level and worse', () => {
    const features = new FeatureSwitches();
    features.register('recommendations', { disableAt: 'MODERATE' });
    expect(features.isEnabled('recommendations', 'MINOR')).toBe(true);
    expect(features.isEnabled('recommendations', 'MODERATE')).toBe(false);
    expect(features.isEnabled('recommendations', 'CRITICAL')).toBe(false);
    expect(features.isEnabled('undeclared', 'CRITICAL')).toBe(true);
    expect(features.list('SEVERE')).toEqual([
      { name: 'recommendations', disableAt: 'MODERATE', enabled: false },
    ]);
  });

  it('accepts the same declaration twice, refuses a different level or a bad one', () => {
    const features = new FeatureSwitches();
    features.register('search', { disableAt: 'SEVERE' });
    features.register('search', { disableAt: 'SEVERE' });
    expect(() => features.register('search', { disableAt: 'MINOR' })).toThrow(
      ResilienceConfigError,
    );
    expect(() => features.register('x', { disableAt: 'NORMAL' })).toThrow(/disableAt/);
    expect(() => features.register('x', { disableAt: 'LOUD' as never })).toThrow(/disableAt/);
    expect(() => features.register('', { disableAt: 'MINOR' })).toThrow(/name/);
  });
});

describe('set-level body', () => {
  it('takes level, reason and an optional expiry', () => {
    expect(
      parseSetLevelBody({ level: 'SEVERE', reason: ' db failover ', expiresInMs: 60_000 }),
    ).toEqual({
      request: { level: 'SEVERE', reason: 'db failover', expiresInMs: 60_000 },
    });
  });

  it.each([
    [null, ''],
    [{ reason: 'x' }, 'level'],
    [{ level: 'BAD', reason: 'x' }, 'level'],
    [{ level: 'MINOR' }, 'reason'],
    [{ level: 'MINOR', reason: '   ' }, 'reason'],
    [{ level: 'MINOR', reason: 'x', expiresInMs: 0 }, 'expiresInMs'],
    [{ level: 'MINOR', reason: 'x', expiresInMs: 2 ** 31 }, 'expiresInMs'],
    [{ level: 'MINOR', reason: 'x', until: 'soon' }, 'until'],
  ])('refuses %j (%s)', (body, path) => {
    const parsed = parseSetLevelBody(body);
    expect(parsed.issues?.map((issue) => issue.path)).toContain(path);
  });
});
