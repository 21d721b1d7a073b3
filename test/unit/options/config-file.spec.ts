import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  directoryWithFile,
  emptyDirectory,
  issueAt,
  issuesOf,
  resolveWith,
  removeTemporaryDirectories,
} from './options-test-helpers.js';

afterAll(removeTemporaryDirectories);

describe('config file', () => {
  it('maps the snake_case sections onto the camelCase groups, converting seconds to ms', () => {
    const cwd = directoryWithFile({
      health_checking: {
        default_timeout: 2,
        default_interval: 15,
        default_failure_threshold: 4,
        default_success_threshold: 1,
      },
      predictive_analysis: {
        enabled: false,
        anomaly_threshold: 3.5,
        prediction_window_hours: 6,
        pattern_learning_enabled: false,
        sample_interval: 10,
      },
      recovery: {
        auto_recovery_enabled: false,
        max_concurrent_recoveries: 1,
        recovery_timeout_multiplier: 2,
      },
      fallback: { timeout: 0.5, retry_failed_fallbacks: true },
    });
    const options = resolveWith({}, {}, cwd);
    expect(options.healthChecking).toEqual({
      defaultTimeoutMs: 2_000,
      defaultIntervalMs: 15_000,
      defaultFailureThreshold: 4,
      defaultSuccessThreshold: 1,
      indicatorTimeoutMs: 2_000,
      historySize: 100,
      criticalBreakers: [],
    });
    expect(options.predictive).toMatchObject({
      enabled: false,
      anomalyThreshold: 3.5,
      predictionWindowHours: 6,
      patternLearningEnabled: false,
      sampleIntervalMs: 10_000,
      alertConfidence: 0.7,
    });
    expect(options.recovery).toEqual({
      autoRecoveryEnabled: false,
      maxConcurrentRecoveries: 1,
      recoveryTimeoutMultiplier: 2,
      correlationWindowMs: 60_000,
    });
    expect(options.fallback).toEqual({ timeoutMs: 500, retryFailedFallbacks: true });
    expect(options.sources['healthChecking.defaultIntervalMs']).toBe('file');
    expect(options.sources['predictive.alertConfidence']).toBe('default');
  });

  it('accepts camelCase keys beside snake_case ones in the recovery and fallback sections', () => {
    const cwd = directoryWithFile({
      recovery: { maxConcurrentRecoveries: 5, auto_recovery_enabled: false },
      fallback: { timeoutMs: 750 },
      healthChecking: { defaultFailureThreshold: 7 },
      health_checking: { default_interval: 60 },
    });
    const options = resolveWith({}, {}, cwd);
    expect(options.recovery).toMatchObject({
      maxConcurrentRecoveries: 5,
      autoRecoveryEnabled: false,
    });
    expect(options.fallback.timeoutMs).toBe(750);
    expect(options.healthChecking).toMatchObject({
      defaultFailureThreshold: 7,
      defaultIntervalMs: 60_000,
    });
  });

  it('rejects a setting given in both shapes', () => {
    const cwd = directoryWithFile({
      healthChecking: { defaultIntervalMs: 10_000 },
      health_checking: { default_interval: 20 },
    });
    const issue = issueAt(issuesOf({}, {}, cwd), 'health_checking.default_interval');
    expect(issue.message).toBe('given twice: also as healthChecking.defaultIntervalMs');
    expect(issue.source).toBe(`file ${join(cwd, 'resilience.config.json')}`);
  });

  it('rejects a snake_case section that is not an object', () => {
    const issue = issueAt(issuesOf({}, {}, directoryWithFile({ recovery: true })), 'recovery');
    expect(issue.message).toBe('must be an object');
  });

  it('reads the camelCase shape, named policies included', () => {
    const cwd = directoryWithFile({
      $schema: './resilience.schema.json',
      policies: { payments: { retry: { maxAttempts: 4 }, timeout: 2_000 } },
      store: { type: 'redis', url: 'redis://cache:6379', keyPrefix: 'shop:' },
      http: { health: { path: '/status/' }, metrics: { enabled: false } },
    });
    const options = resolveWith({}, {}, cwd);
    expect(options.policies.payments).toEqual({
      retry: { maxAttempts: 4 },
      timeout: { ms: 2_000 },
    });
    expect(options.store).toMatchObject({
      type: 'redis',
      keyPrefix: 'shop:',
      storeTimeoutMs: 1_000,
    });
    expect(options.http.health).toEqual({ enabled: true, path: 'status' });
    expect(options.http.metrics).toEqual({ enabled: false, path: 'metrics' });
    expect(options.sources['policies.payments.timeout.ms']).toBe('file');
  });

  it('reads the file RESILIENCE_CONFIG_FILE names, before the configFile in code', () => {
    const cwd = emptyDirectory();
    writeFileSync(join(cwd, 'from-env.json'), JSON.stringify({ dlq: { maxRetries: 9 } }));
    writeFileSync(join(cwd, 'from-code.json'), JSON.stringify({ dlq: { maxRetries: 2 } }));
    const options = resolveWith(
      { configFile: 'from-code.json' },
      { RESILIENCE_CONFIG_FILE: join(cwd, 'from-env.json') },
      cwd,
    );
    expect(options.dlq.maxRetries).toBe(9);
    expect(options.configFile).toBe(join(cwd, 'from-env.json'));
    expect(options.sources.configFile).toBe('environment');
  });

  it('reads a file that starts with a byte order mark', () => {
    const cwd = directoryWithFile('\uFEFF{ "metrics": { "prefix": "shop_" } }');
    expect(resolveWith({}, {}, cwd).metrics.prefix).toBe('shop_');
  });
});

describe('falsy values are real values', () => {
  it('keeps 0 and false from the file, code and environment through every merge', () => {
    const cwd = directoryWithFile({
      defaults: { retry: { baseDelayMs: 0 }, bulkhead: { maxQueue: 0 } },
      monitoring: { alertCooldownMs: 0 },
      http: { metrics: { enabled: false } },
      metrics: { prefix: '' },
    });
    const options = resolveWith(
      {
        defaults: { circuitBreaker: { recoveryTimeoutMs: 5_000 } },
        recovery: { autoRecoveryEnabled: false },
        predictive: { enabled: true },
      },
      {
        NODE_ENV: 'production',
        CIRCUIT_BREAKER_RECOVERY_TIMEOUT: '0',
        RESILIENCE_PREDICTIVE_ANALYSIS_ENABLED: 'false',
      },
      cwd,
    );
    expect(options.defaults.retry.baseDelayMs).toBe(0);
    expect(options.sources['defaults.retry.baseDelayMs']).toBe('file');
    expect(options.defaults.bulkhead.maxQueue).toBe(0);
    expect(options.monitoring.alertCooldownMs).toBe(0);
    expect(options.http.metrics.enabled).toBe(false);
    expect(options.metrics.prefix).toBe('');
    expect(options.recovery.autoRecoveryEnabled).toBe(false);
    expect(options.sources['recovery.autoRecoveryEnabled']).toBe('code');
    expect(options.defaults.circuitBreaker.recoveryTimeoutMs).toBe(0);
    expect(options.sources['defaults.circuitBreaker.recoveryTimeoutMs']).toBe('environment');
    expect(options.predictive.enabled).toBe(false);
    expect(options.sources['predictive.enabled']).toBe('environment');
  });

  it('keeps false from the snake_case sections', () => {
    const cwd = directoryWithFile({
      predictive_analysis: { enabled: false },
      fallback: { retry_failed_fallbacks: false },
    });
    const options = resolveWith({}, {}, cwd);
    expect(options.predictive.enabled).toBe(false);
    expect(options.sources['predictive.enabled']).toBe('file');
    expect(options.fallback.retryFailedFallbacks).toBe(false);
  });
});

describe('the documented example', () => {
  it('is a valid config file', () => {
    const docs = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    const options = resolveWith({}, {}, directoryWithFile(example));
    expect(options.store).toMatchObject({ type: 'redis', keyPrefix: 'shop:' });
    expect(options.fallback.timeoutMs).toBe(3_000);
  });
});
