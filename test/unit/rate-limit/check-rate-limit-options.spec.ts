import { ResilienceConfigError } from '../../../lib/core/errors/index.js';
import {
  checkRateLimitOptions,
  createRateLimiter,
  type RateLimitOptions,
} from '../../../lib/core/rate-limit/index.js';
import { OptionChecker } from '../../../lib/core/validation/index.js';

function issuesOf(options: unknown): string[] {
  const checker = new OptionChecker();
  checkRateLimitOptions(options, checker);
  return checker.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

describe('checkRateLimitOptions', () => {
  it.each([
    [{ limit: 0 }, 'limit: must be an integer >= 1, got 0'],
    [{ limit: 2.5 }, 'limit: must be an integer >= 1, got 2.5'],
    [{ windowMs: 0 }, 'windowMs: must be a number > 0, got 0'],
    [{ windowMs: -5 }, 'windowMs: must be a number > 0, got -5'],
    [{ burst: 0 }, 'burst: must be an integer >= 1, got 0'],
    [{ refillPerSecond: 0 }, 'refillPerSecond: must be a number > 0, got 0'],
    [{ backoffFactor: 1 }, 'backoffFactor: must be a number in (0, 1), got 1'],
    [{ backoffFactor: 0 }, 'backoffFactor: must be a number in (0, 1), got 0'],
    [{ recoveryStep: 0 }, 'recoveryStep: must be a number > 0, got 0'],
    [{ adaptiveThreshold: 1.5 }, 'adaptiveThreshold: must be a number between 0 and 1, got 1.5'],
    [{ limit: 5, minLimit: 6 }, 'minLimit: must not exceed limit (5), got 6'],
    [{ maxKeys: 0 }, 'maxKeys: must be an integer >= 1, got 0'],
    [{ isFailure: 'yes' }, "isFailure: must be a function, got 'yes'"],
    [{ clock: {} }, 'clock: must be a Clock { now(), setTimeout(), clearTimeout() }'],
  ])('rejects %j', (options, message) => {
    expect(issuesOf(options)).toEqual([message]);
  });

  it('names the allowed algorithms and store failure modes', () => {
    expect(issuesOf({ algorithm: 'leaky-bucket', onStoreFailure: 'ignore' })).toEqual([
      "algorithm: must be one of 'sliding-window', 'sliding-window-counter', 'fixed-window', " +
        "'token-bucket', 'adaptive', got 'leaky-bucket'",
      "onStoreFailure: must be one of 'fail-open', 'fail-closed', 'local', got 'ignore'",
    ]);
  });

  it('accepts valid options and nothing at all', () => {
    expect(issuesOf(undefined)).toEqual([]);
    expect(
      issuesOf({
        name: 'api',
        limit: 10,
        windowMs: 500,
        algorithm: 'adaptive',
        minLimit: 10,
        backoffFactor: 0.5,
        recoveryStep: 2.5,
        adaptiveThreshold: 0.9,
        onStoreFailure: 'fail-closed',
      } satisfies RateLimitOptions),
    ).toEqual([]);
  });

  it('rejects something that is not an options object', () => {
    expect(issuesOf(42)).toEqual([
      'options: must be an object { limit, windowMs, algorithm, ... }',
    ]);
  });

  it('reports paths under the checker prefix', () => {
    const checker = new OptionChecker('defaults.rateLimit');
    checkRateLimitOptions({ limit: -1 }, checker);
    expect(checker.issues[0].path).toBe('defaults.rateLimit.limit');
  });

  it('makes the factory throw one error listing every wrong option', () => {
    const attempt = () => createRateLimiter({ limit: 0, windowMs: 0 } as RateLimitOptions);
    expect(attempt).toThrow(ResilienceConfigError);
    expect(attempt).toThrow(/limit: must be an integer >= 1[\s\S]*windowMs: must be a number > 0/);
  });
});
