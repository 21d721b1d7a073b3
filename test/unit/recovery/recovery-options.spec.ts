import { ResilienceConfigError, resolveResilienceOptions } from 'nestjs-bulwark';

describe('recovery options', () => {
  it('defaults the correlation window to 60 s', () => {
    expect(resolveResilienceOptions({ configFile: false }).recovery).toEqual({
      autoRecoveryEnabled: true,
      maxConcurrentRecoveries: 3,
      recoveryTimeoutMultiplier: 1.5,
      correlationWindowMs: 60_000,
    });
  });

  it('refuses a correlation window that is not > 0, naming it', () => {
    const resolve = () =>
      resolveResilienceOptions({ configFile: false, recovery: { correlationWindowMs: 0 } });
    expect(resolve).toThrow(ResilienceConfigError);
    expect(resolve).toThrow(/recovery\.correlationWindowMs: must be a number > 0/);
  });
});
