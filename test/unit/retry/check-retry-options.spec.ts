import { OptionChecker } from '../../../lib/core/validation/index.js';
import { checkRetryOptions, createRetry } from '../../../lib/core/retry/index.js';
import { ResilienceConfigError } from '../../../lib/core/errors/index.js';

function issuesOf(options: unknown) {
  const checker = new OptionChecker('defaults.retry', 'RESILIENCE_RETRY');
  checkRetryOptions(options, checker);
  return checker.issues;
}

describe('checkRetryOptions', () => {
  it('accepts valid options, zeros included, and undefined', () => {
    expect(issuesOf(undefined)).toEqual([]);
    expect(
      issuesOf({
        maxAttempts: 1,
        baseDelayMs: 0,
        maxDelayMs: 0,
        backoff: 'fibonacci',
        jitter: 'full',
        budget: { ratio: 0, minRetriesPerWindow: 0 },
      }),
    ).toEqual([]);
  });

  it("uses the caller's path prefix and source", () => {
    expect(issuesOf({ maxAttempts: 2.5 })).toEqual([
      {
        path: 'defaults.retry.maxAttempts',
        message: 'must be an integer >= 1, got 2.5',
        source: 'RESILIENCE_RETRY',
      },
    ]);
  });

  it('reports every wrong field at once', () => {
    const paths = issuesOf({
      maxAttempts: -1,
      multiplier: 0,
      random: 3,
      maxDelayMs: 10,
      baseDelayMs: 100,
      budget: { minRetriesPerWindow: -1, windowMs: 0 },
    }).map((issue) => issue.path);
    expect(paths).toEqual([
      'defaults.retry.maxAttempts',
      'defaults.retry.multiplier',
      'defaults.retry.random',
      'defaults.retry.maxDelayMs',
      'defaults.retry.budget.ratio',
      'defaults.retry.budget.minRetriesPerWindow',
      'defaults.retry.budget.windowMs',
    ]);
  });

  it('refuses delays a Node timer cannot hold', () => {
    expect(issuesOf({ maxDelayMs: 2 ** 31 }).map((i) => i.path)).toEqual([
      'defaults.retry.maxDelayMs',
    ]);
  });

  it('refuses a non-object', () => {
    expect(issuesOf(5)).toHaveLength(1);
    expect(() => createRetry('fast' as never)).toThrow(ResilienceConfigError);
  });
});
