import {
  directoryWithFile,
  resolveWith,
  removeTemporaryDirectories,
} from './options-test-helpers.js';

afterAll(removeTemporaryDirectories);

const breakerFile = { defaults: { circuitBreaker: { recoveryTimeoutMs: 20_000 } } };

describe('option precedence: defaults < preset < file < code < environment', () => {
  it('uses the built-in default when nothing else sets a value', () => {
    const options = resolveWith({});
    expect(options.defaults.circuitBreaker.recoveryTimeoutMs).toBe(60_000);
    expect(options.sources['defaults.circuitBreaker.recoveryTimeoutMs']).toBe('default');
    expect(options.preset).toBeUndefined();
    expect(options.configFile).toBe(false);
  });

  it('lets the NODE_ENV preset beat the default', () => {
    const options = resolveWith({}, { NODE_ENV: 'development' });
    expect(options.preset).toBe('development');
    expect(options.defaults.circuitBreaker.recoveryTimeoutMs).toBe(10_000);
    expect(options.sources['defaults.circuitBreaker.recoveryTimeoutMs']).toBe('preset');
    // what the preset leaves alone stays a default
    expect(options.sources['defaults.bulkhead.maxConcurrent']).toBe('default');
  });

  it('lets the config file beat the preset', () => {
    const options = resolveWith({}, { NODE_ENV: 'development' }, directoryWithFile(breakerFile));
    expect(options.defaults.circuitBreaker.recoveryTimeoutMs).toBe(20_000);
    expect(options.sources['defaults.circuitBreaker.recoveryTimeoutMs']).toBe('file');
    expect(options.configFile).toMatch(/resilience\.config\.json$/);
    expect(options.sources.configFile).toBe('default');
  });

  it('lets options in code beat the config file', () => {
    const options = resolveWith(
      { defaults: { circuitBreaker: { recoveryTimeoutMs: 30_000 } } },
      { NODE_ENV: 'development' },
      directoryWithFile(breakerFile),
    );
    expect(options.defaults.circuitBreaker.recoveryTimeoutMs).toBe(30_000);
    expect(options.sources['defaults.circuitBreaker.recoveryTimeoutMs']).toBe('code');
  });

  it('lets environment variables beat options in code', () => {
    const options = resolveWith(
      { defaults: { circuitBreaker: { recoveryTimeoutMs: 30_000 } } },
      { NODE_ENV: 'development', CIRCUIT_BREAKER_RECOVERY_TIMEOUT: '45' },
      directoryWithFile(breakerFile),
    );
    expect(options.defaults.circuitBreaker.recoveryTimeoutMs).toBe(45_000);
    expect(options.sources['defaults.circuitBreaker.recoveryTimeoutMs']).toBe('environment');
  });

  it('merges layers field by field: a higher layer overrides only what it sets', () => {
    const options = resolveWith(
      { defaults: { retry: { baseDelayMs: 50 } } },
      { NODE_ENV: 'production' },
      directoryWithFile({ defaults: { retry: { maxAttempts: 5 } } }),
    );
    expect(options.defaults.retry).toMatchObject({
      maxAttempts: 5,
      baseDelayMs: 50,
      jitter: 'full',
      multiplier: 2,
    });
    expect(options.sources).toMatchObject({
      'defaults.retry.maxAttempts': 'file',
      'defaults.retry.baseDelayMs': 'code',
      'defaults.retry.jitter': 'preset',
      'defaults.retry.multiplier': 'default',
    });
  });

  it('replaces arrays and functions instead of merging them', () => {
    const retryIf = () => false;
    const options = resolveWith(
      {
        order: ['bulkhead', 'timeout', 'rateLimit', 'circuitBreaker', 'retry', 'fallback'],
        defaults: { retry: { retryIf } },
      },
      {},
      directoryWithFile({
        order: ['retry', 'fallback', 'circuitBreaker', 'rateLimit', 'timeout', 'bulkhead'],
      }),
    );
    expect(options.order).toEqual([
      'bulkhead',
      'timeout',
      'rateLimit',
      'circuitBreaker',
      'retry',
      'fallback',
    ]);
    expect(options.sources.order).toBe('code');
    expect(options.defaults.retry.retryIf).toBe(retryIf);
  });

  it('selects the test preset: one attempt, short timeouts, no background sampling', () => {
    const options = resolveWith({}, { NODE_ENV: 'test' });
    expect(options.defaults.retry.maxAttempts).toBe(1);
    expect(options.defaults.timeout.ms).toBe(1_000);
    expect(options.predictive.enabled).toBe(false);
  });

  it('selects the production preset: longer timeouts and more probes to close a breaker', () => {
    const production = resolveWith({}, { NODE_ENV: 'production' });
    const plain = resolveWith({}, {});
    expect(production.defaults.timeout.ms).toBeGreaterThan(plain.defaults.timeout.ms);
    expect(production.defaults.circuitBreaker.successThreshold).toBeGreaterThan(
      plain.defaults.circuitBreaker.successThreshold,
    );
  });

  it('applies no preset for another NODE_ENV', () => {
    const options = resolveWith({}, { NODE_ENV: 'staging' });
    expect(options.preset).toBeUndefined();
    expect(options.sources['defaults.retry.maxAttempts']).toBe('default');
  });

  it('switches the store to Redis from REDIS_URL, keeping the key prefix set in code', () => {
    const options = resolveWith(
      { store: { type: 'redis', url: 'redis://code:6379', keyPrefix: 'app:' } },
      { REDIS_URL: 'rediss://env.example:6380/0' },
    );
    expect(options.store).toEqual({
      type: 'redis',
      url: 'rediss://env.example:6380/0',
      keyPrefix: 'app:',
      storeTimeoutMs: 1_000,
    });
    expect(options.sources['store.url']).toBe('environment');
    expect(options.sources['store.keyPrefix']).toBe('code');
  });

  it('replaces a memory store with a Redis store whole, not key by key', () => {
    const options = resolveWith(
      { store: { type: 'memory' } },
      { REDIS_URL: 'redis://localhost:6379' },
    );
    expect(options.store.type).toBe('redis');
    const code = resolveWith(
      { store: { type: 'memory' } },
      {},
      directoryWithFile({ store: { type: 'redis', url: 'redis://file:6379' } }),
    );
    expect(code.store).toEqual({ type: 'memory' });
    expect(code.sources['store.url']).toBeUndefined();
  });
});
