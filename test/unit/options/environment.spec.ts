import { readFileSync } from 'node:fs';
import { RESILIENCE_ENVIRONMENT_VARIABLES } from '../../../lib/nest/options/index.js';
import { readEnvironment } from '../../../lib/nest/options/environment.reader.js';
import {
  issueAt,
  issuesOf,
  resolveWith,
  removeTemporaryDirectories,
} from './options-test-helpers.js';

afterAll(removeTemporaryDirectories);

describe('environment variables', () => {
  it.each([
    ['RESILIENCE_HEALTH_CHECK_INTERVAL', '12', 'healthChecking.defaultIntervalMs', 12_000],
    ['RESILIENCE_PREDICTIVE_ANALYSIS_ENABLED', 'false', 'predictive.enabled', false],
    ['RESILIENCE_AUTO_RECOVERY_ENABLED', '0', 'recovery.autoRecoveryEnabled', false],
    ['RESILIENCE_FALLBACK_TIMEOUT', '1.5', 'fallback.timeoutMs', 1_500],
    ['RESILIENCE_METRICS_RETENTION_HOURS', '48', 'metrics.retentionHours', 48],
    ['CIRCUIT_BREAKER_FAILURE_THRESHOLD', '7', 'defaults.circuitBreaker.failureThreshold', 7],
    ['CIRCUIT_BREAKER_RECOVERY_TIMEOUT', '90', 'defaults.circuitBreaker.recoveryTimeoutMs', 90_000],
    ['REDIS_URL', 'redis://cache:6379/2', 'store.url', 'redis://cache:6379/2'],
    [
      'RESILIENCE_ADMIN_API_KEY',
      ' key-from-a-secret-file\n',
      'admin.apiKey',
      'key-from-a-secret-file',
    ],
  ])('%s=%j sets %s', (name, text, path, expected) => {
    const options = resolveWith({}, { [name]: text });
    const value = path
      .split('.')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], options);
    expect(value).toEqual(expected);
    expect(options.sources[path]).toBe('environment');
  });

  it('reads true and false in any case, and 1 and 0', () => {
    for (const [text, expected] of [
      ['TRUE', true],
      ['False', false],
      ['1', true],
      ['0', false],
    ] as const) {
      expect(
        resolveWith({}, { RESILIENCE_AUTO_RECOVERY_ENABLED: text }).recovery.autoRecoveryEnabled,
      ).toBe(expected);
    }
  });

  it('treats an empty or blank variable as unset', () => {
    const options = resolveWith(
      { healthChecking: { defaultIntervalMs: 7_000 } },
      { RESILIENCE_HEALTH_CHECK_INTERVAL: '  ', REDIS_URL: '' },
    );
    expect(options.healthChecking.defaultIntervalMs).toBe(7_000);
    expect(options.store).toEqual({ type: 'memory' });
  });

  it('rejects numbers written in other notations', () => {
    for (const text of ['0x10', '1e3', '10s', 'Infinity']) {
      const issue = issueAt(
        issuesOf({}, { RESILIENCE_FALLBACK_TIMEOUT: text }),
        'fallback.timeoutMs',
      );
      expect(issue.message).toBe(`RESILIENCE_FALLBACK_TIMEOUT must be seconds, got '${text}'`);
      expect(issue.source).toBe('environment RESILIENCE_FALLBACK_TIMEOUT');
    }
  });

  it('reports a bad value in the variable without reading what others set', () => {
    const reading = readEnvironment({
      CIRCUIT_BREAKER_RECOVERY_TIMEOUT: 'later',
      RESILIENCE_METRICS_RETENTION_HOURS: '6',
    });
    expect(reading.issues).toEqual([
      {
        path: 'defaults.circuitBreaker.recoveryTimeoutMs',
        message: "CIRCUIT_BREAKER_RECOVERY_TIMEOUT must be seconds, got 'later'",
        source: 'environment CIRCUIT_BREAKER_RECOVERY_TIMEOUT',
      },
    ]);
    expect(reading.layer.values).toEqual({ metrics: { retentionHours: 6 } });
  });

  it('documents every variable it reads in docs/configuration.md', () => {
    const docs = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    expect(RESILIENCE_ENVIRONMENT_VARIABLES).toHaveLength(10);
    for (const variable of RESILIENCE_ENVIRONMENT_VARIABLES) {
      expect(docs).toContain(`\`${variable.name}\``);
      expect(docs).toContain(`\`${variable.target}\``);
    }
  });
});
