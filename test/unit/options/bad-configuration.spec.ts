import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ResilienceConfigError } from '../../../lib/core/errors/index.js';
import { resolveResilienceOptions } from '../../../lib/nest/options/index.js';
import {
  directoryWithFile,
  emptyDirectory,
  issueAt,
  issuesOf,
  removeTemporaryDirectories,
} from './options-test-helpers.js';

afterAll(removeTemporaryDirectories);

class AdminGuard {
  canActivate() {
    return true;
  }
}

interface BadCase {
  what: string;
  code?: unknown;
  file?: unknown;
  env?: Record<string, string>;
  path: string;
  /** Exact source, or a pattern for sources that name the file. */
  source: string | RegExp;
  message: RegExp;
}

const FILE = /^file .*resilience\.config\.json/;

const cases: BadCase[] = [
  // from code
  {
    what: 'a misspelt policy kind',
    code: { defaults: { circuitBreakr: {} } },
    path: 'defaults.circuitBreakr',
    source: 'code',
    message: /unknown policy kind; did you mean 'circuitBreaker'/,
  },
  {
    what: 'a misspelt top-level option',
    code: { polices: {} },
    path: 'polices',
    source: 'code',
    message: /did you mean 'policies'/,
  },
  {
    what: 'a misspelt policy option',
    code: { defaults: { retry: { maxAttemps: 3 } } },
    path: 'defaults.retry.maxAttemps',
    source: 'code',
    message: /did you mean 'maxAttempts'/,
  },
  {
    what: 'zero retry attempts',
    code: { defaults: { retry: { maxAttempts: 0 } } },
    path: 'defaults.retry.maxAttempts',
    source: 'code',
    message: /integer >= 1/,
  },
  {
    what: 'a negative named timeout',
    code: { policies: { payments: { timeout: { ms: -1 } } } },
    path: 'policies.payments.timeout.ms',
    source: 'code',
    message: /> 0/,
  },
  {
    what: 'an unknown kind in a named policy',
    code: { policies: { payments: { retries: {} } } },
    path: 'policies.payments.retries',
    source: 'code',
    message: /unknown policy kind; did you mean 'retry'/,
  },
  {
    what: 'consecutive and rate mode in one breaker',
    code: {
      policies: {
        payments: {
          circuitBreaker: { failureThreshold: 5, slidingWindow: { type: 'count', size: 20 } },
        },
      },
    },
    path: 'policies.payments.circuitBreaker.slidingWindow',
    source: 'code',
    message: /cannot be combined with policies\.payments\.circuitBreaker\.failureThreshold/,
  },
  {
    what: 'a breaker store-failure mode that does not exist',
    code: { policies: { ledger: { circuitBreaker: { shared: true, onStoreFailure: 'retry' } } } },
    path: 'policies.ledger.circuitBreaker.onStoreFailure',
    source: 'code',
    message: /must be one of 'fail-open', 'fail-closed', 'local', got 'retry'/,
  },
  {
    what: 'a default breaker name',
    code: { defaults: { circuitBreaker: { name: 'all' } } },
    path: 'defaults.circuitBreaker.name',
    source: 'code',
    message: /every policy would share/,
  },
  {
    what: 'an order with a kind twice',
    code: { order: ['retry', 'retry', 'circuitBreaker', 'rateLimit', 'timeout', 'bulkhead'] },
    path: 'order',
    source: 'code',
    message: /repeated: retry; missing: fallback/,
  },
  {
    what: 'an unknown store type',
    code: { store: { type: 'postgres' } },
    path: 'store.type',
    source: 'code',
    message: /'memory', 'redis'/,
  },
  {
    what: 'a Redis store with neither url nor client',
    code: { store: { type: 'redis', keyPrefix: 'x:' } },
    path: 'store.url',
    source: 'code',
    message: /needs url .* or client/,
  },
  {
    what: 'a memory store with a url',
    code: { store: { type: 'memory', url: 'redis://localhost' } },
    path: 'store.url',
    source: 'code',
    message: /only applies to a Redis store/,
  },
  {
    what: 'an empty admin key',
    code: { admin: { apiKey: ' ' } },
    path: 'admin.apiKey',
    source: 'code',
    message: /non-empty string/,
  },
  {
    what: 'a guard that is not a class',
    code: { admin: { guard: 'AdminGuard' } },
    path: 'admin.guard',
    source: 'code',
    message: /must be a function/,
  },
  {
    what: 'two route groups on one path',
    code: { http: { health: { path: '/metrics/' } } },
    path: 'http.health.path',
    source: 'code',
    message: /'metrics' is already the path of http\.metrics\.path \(from default\)/,
  },
  {
    what: 'an alert confidence above 1',
    code: { predictive: { alertConfidence: 1.5 } },
    path: 'predictive.alertConfidence',
    source: 'code',
    message: /between 0 and 1/,
  },
  {
    what: 'a non-numeric prediction threshold',
    code: { predictive: { thresholds: { cpu: 'high' } } },
    path: 'predictive.thresholds.cpu',
    source: 'code',
    message: /must be a number/,
  },
  {
    what: 'zero dead-letter retries',
    code: { dlq: { maxRetries: 0 } },
    path: 'dlq.maxRetries',
    source: 'code',
    message: /integer >= 1/,
  },
  {
    what: 'a fractional stalled-message limit',
    code: { dlq: { maxStalledCount: 1.5 } },
    path: 'dlq.maxStalledCount',
    source: 'code',
    message: /integer >= 0/,
  },
  {
    what: 'a health check timeout beyond its interval',
    code: { healthChecking: { defaultTimeoutMs: 60_000 } },
    path: 'healthChecking.defaultTimeoutMs',
    source: 'code',
    message:
      /at most healthChecking\.defaultIntervalMs \(from default\), which is 30000; got 60000/,
  },
  {
    what: 'memory levels out of order',
    code: { memory: { warningPercent: 90 } },
    path: 'memory.warningPercent',
    source: 'code',
    message: /less than memory\.criticalPercent/,
  },
  {
    what: 'a metric prefix with a dash',
    code: { metrics: { prefix: 'my-app_' } },
    path: 'metrics.prefix',
    source: 'code',
    message: /Prometheus name prefix/,
  },
  {
    what: 'a recovery multiplier below 1',
    code: { recovery: { recoveryTimeoutMultiplier: 0.5 } },
    path: 'recovery.recoveryTimeoutMultiplier',
    source: 'code',
    message: />= 1/,
  },
  {
    what: 'a config file of the wrong type',
    code: { configFile: 42 },
    path: 'configFile',
    source: 'code',
    message: /file name or false/,
  },
  // from the config file
  {
    what: 'a bulkhead without room in the file',
    file: { defaults: { bulkhead: { maxConcurrent: 0 } } },
    path: 'defaults.bulkhead.maxConcurrent',
    source: FILE,
    message: /integer >= 1/,
  },
  {
    what: 'a snake_case interval that is not a number',
    file: { health_checking: { default_interval: 'soon' } },
    path: 'health_checking.default_interval',
    source: FILE,
    message: /number of seconds/,
  },
  {
    what: 'an unknown snake_case key',
    file: { predictive_analysis: { anomaly_treshold: 3 } },
    path: 'predictive_analysis.anomaly_treshold',
    source: FILE,
    message: /unknown key; expected one of enabled, sample_interval, anomaly_threshold/,
  },
  {
    what: 'a negative snake_case timeout',
    file: { health_checking: { default_timeout: -1 } },
    path: 'healthChecking.defaultTimeoutMs',
    source: /^file .*resilience\.config\.json \(health_checking\.default_timeout, in seconds\)$/,
    message: /> 0, got -1000/,
  },
  {
    what: 'configFile inside the file',
    file: { configFile: 'other.json' },
    path: 'configFile',
    source: FILE,
    message: /cannot be set inside the config file/,
  },
  {
    what: 'a file that is not an object',
    file: [1, 2],
    path: 'configFile',
    source: FILE,
    message: /must hold a JSON object/,
  },
  // from the environment
  {
    what: 'a non-numeric failure threshold',
    env: { CIRCUIT_BREAKER_FAILURE_THRESHOLD: 'many' },
    path: 'defaults.circuitBreaker.failureThreshold',
    source: 'environment CIRCUIT_BREAKER_FAILURE_THRESHOLD',
    message: /must be a whole number, got 'many'/,
  },
  {
    what: 'a fractional failure threshold',
    env: { CIRCUIT_BREAKER_FAILURE_THRESHOLD: '2.5' },
    path: 'defaults.circuitBreaker.failureThreshold',
    source: 'environment CIRCUIT_BREAKER_FAILURE_THRESHOLD',
    message: /integer >= 1/,
  },
  {
    what: 'a non-boolean switch',
    env: { RESILIENCE_PREDICTIVE_ANALYSIS_ENABLED: 'maybe' },
    path: 'predictive.enabled',
    source: 'environment RESILIENCE_PREDICTIVE_ANALYSIS_ENABLED',
    message: /true or false/,
  },
  {
    what: 'a negative interval',
    env: { RESILIENCE_HEALTH_CHECK_INTERVAL: '-5' },
    path: 'healthChecking.defaultIntervalMs',
    source: 'environment RESILIENCE_HEALTH_CHECK_INTERVAL',
    message: /> 0/,
  },
  {
    what: 'a non-numeric retention',
    env: { RESILIENCE_METRICS_RETENTION_HOURS: '1d' },
    path: 'metrics.retentionHours',
    source: 'environment RESILIENCE_METRICS_RETENTION_HOURS',
    message: /hours/,
  },
  {
    what: 'a REDIS_URL without scheme',
    env: { REDIS_URL: 'localhost:6379' },
    path: 'store.url',
    source: 'environment REDIS_URL',
    message: /redis:\/\/ or rediss:\/\//,
  },
  {
    what: 'a missing named config file',
    env: { RESILIENCE_CONFIG_FILE: 'missing.json' },
    path: 'configFile',
    source: 'environment RESILIENCE_CONFIG_FILE',
    message: /cannot read .*missing\.json: no such file/,
  },
  {
    what: 'an API key beside a guard in code',
    code: { admin: { guard: AdminGuard } },
    env: { RESILIENCE_ADMIN_API_KEY: 'secret-key' },
    path: 'admin.apiKey',
    source: 'environment RESILIENCE_ADMIN_API_KEY',
    message: /cannot be combined with admin\.guard \(from code\)/,
  },
  {
    what: 'REDIS_URL beside a client in code',
    code: { store: { type: 'redis', client: { status: 'ready' } } },
    env: { REDIS_URL: 'redis://localhost:6379' },
    path: 'store.url',
    source: 'environment REDIS_URL',
    message: /cannot be combined with store\.client \(from code\)/,
  },
];

describe('bad configuration stops resolution with one error naming field and source', () => {
  it.each(cases)('$what', ({ code, file, env, path, source, message }) => {
    const cwd = file === undefined ? emptyDirectory() : directoryWithFile(file);
    const issue = issueAt(issuesOf(code ?? {}, env ?? {}, cwd), path);
    if (typeof source === 'string') expect(issue.source).toBe(source);
    else expect(issue.source).toMatch(source);
    expect(issue.message).toMatch(message);
  });

  it('lists every wrong field from code, file and environment in one error', () => {
    const cwd = directoryWithFile({ retry: {}, defaults: { timeout: { ms: 0 } } });
    let error: unknown;
    try {
      resolveResilienceOptions(
        {
          defaults: { retry: { backoff: 'sideways' as never } },
          store: { type: 'redis', url: 'http://x' },
        },
        { env: { CIRCUIT_BREAKER_RECOVERY_TIMEOUT: 'soon' }, cwd },
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ResilienceConfigError);
    const issues = (error as ResilienceConfigError).issues;
    expect(issues.map((issue) => [issue.path, issue.source?.split(' ')[0]])).toEqual(
      expect.arrayContaining([
        ['defaults.circuitBreaker.recoveryTimeoutMs', 'environment'],
        ['retry', 'file'],
        ['defaults.timeout.ms', 'file'],
        ['defaults.retry.backoff', 'code'],
        ['store.url', 'code'],
      ]),
    );
    expect(issues).toHaveLength(5);
    const message = (error as Error).message;
    for (const path of [
      'recoveryTimeoutMs',
      'retry:',
      'defaults.timeout.ms',
      'backoff',
      'store.url',
    ]) {
      expect(message).toContain(path);
    }
  });

  it('never shows a rejected Redis URL or admin key, which may hold secrets', () => {
    const issues = issuesOf(
      {
        store: { type: 'redis', url: 'http://user:hunter2@cache:6379' },
        admin: { apiKey: 'k3y', guard: AdminGuard },
      },
      {},
    );
    expect(JSON.stringify(issues)).not.toMatch(/hunter2|k3y/);
    expect(issues.map((issue) => issue.path).sort()).toEqual(['admin.guard', 'store.url']);
  });

  it('reports a malformed file by name, line and column', () => {
    const cwd = directoryWithFile(
      '{\n  "defaults": {\n    "retry": { "maxAttempts": 3, }\n  }\n}\n',
      'broken.json',
    );
    const issue = issueAt(issuesOf({ configFile: 'broken.json' }, {}, cwd), 'configFile');
    expect(issue.message).toContain(join(cwd, 'broken.json'));
    expect(issue.message).toMatch(/at line 3, column 34/);
    expect(issue.source).toBe(`file ${join(cwd, 'broken.json')}`);
  });

  it('finds the line of an error V8 reports without a position', () => {
    const cwd = directoryWithFile('{\n  "metrics": {\n    "enabled": tru\n  }\n}');
    const issue = issueAt(issuesOf({}, {}, cwd), 'configFile');
    expect(issue.message).toMatch(
      /resilience\.config\.json is not valid JSON at line 3, column \d+/,
    );
  });

  it('leaves the file content out of the parse error (it may hold a key)', () => {
    const cwd = directoryWithFile('{ "admin": { "apiKey": "s3cr3t" } ]');
    const issue = issueAt(issuesOf({}, {}, cwd), 'configFile');
    expect(issue.message).not.toContain('s3cr3t');
    expect(issue.message).toMatch(/line 1, column 35/);
  });

  it('reports an unreadable file by name', () => {
    const cwd = emptyDirectory();
    const issue = issueAt(issuesOf({ configFile: '.' }, {}, cwd), 'configFile');
    expect(issue.message).toBe(`cannot read ${cwd}: it is a directory`);
    expect(issue.source).toBe('code');
  });

  it('requires a file named in code to exist, but not the default file', () => {
    const cwd = emptyDirectory();
    const issue = issueAt(issuesOf({ configFile: 'resilience.prod.json' }, {}, cwd), 'configFile');
    expect(issue.message).toBe(`cannot read ${join(cwd, 'resilience.prod.json')}: no such file`);
    expect(() => resolveResilienceOptions({}, { env: {}, cwd })).not.toThrow();
  });

  it('ignores the default file when configFile is false', () => {
    const cwd = emptyDirectory();
    writeFileSync(join(cwd, 'resilience.config.json'), '{ not json');
    expect(resolveResilienceOptions({ configFile: false }, { env: {}, cwd }).configFile).toBe(
      false,
    );
    expect(issueAt(issuesOf({}, {}, cwd), 'configFile').message).toMatch(
      /not valid JSON at line 1/,
    );
  });
});
