import type { OptionChecker } from '../../core/validation/index.js';
import { checkKnownKeys } from '../../nest/options/known-keys.js';
import {
  DEPENDENCY_CRITICALITIES,
  DEPENDENCY_TYPES,
  FALLBACK_STRATEGIES,
  HEALTH_CHECK_METHODS,
} from '../dependency-options.js';

/** The timing a dependency inherits when it leaves it out. */
export interface CheckTimingDefaults {
  defaultTimeoutMs: number;
  defaultIntervalMs: number;
}

const NAME = /^[A-Za-z0-9][\w.:-]{0,99}$/;
/** setInterval's largest delay; beyond it Node fires at once. */
const MAX_DELAY_MS = 2_147_483_647;
const DEPENDENCY_KEYS = [
  'name',
  'type',
  'criticality',
  'healthCheck',
  'fallbackStrategy',
  'recoveryTimeEstimateMs',
  'dependsOn',
  'description',
];
const CHECK_KEYS = [
  'endpoint',
  'method',
  'expectedStatus',
  'headers',
  'check',
  'timeoutMs',
  'intervalMs',
  'failureThreshold',
  'successThreshold',
];

type Fields = Record<string, unknown>;

/**
 * Checks the fields of the dependency at `at` (`''`: the checker's own path). The names
 * it refers to are checked with the whole list.
 */
export function checkDependency(
  parent: OptionChecker,
  at: string,
  value: unknown,
  defaults: CheckTimingDefaults,
): void {
  if (value === undefined) return void parent.fail(at, 'must be a dependency object');
  if (!parent.isObject(at, value)) return;
  const checker = at ? parent.child(at) : parent;
  const d = value as Fields;
  checkKnownKeys(checker, d, DEPENDENCY_KEYS);
  if (typeof d.name !== 'string' || !NAME.test(d.name)) {
    checker.fail(
      'name',
      'is required: 1–100 letters, digits, and - _ . : (starting with a letter or digit)',
    );
  }
  if (d.type === undefined)
    checker.fail('type', `is required: one of ${DEPENDENCY_TYPES.join(', ')}`);
  checker.oneOf('type', d.type, DEPENDENCY_TYPES);
  checker.oneOf('criticality', d.criticality, DEPENDENCY_CRITICALITIES);
  checker.oneOf('fallbackStrategy', d.fallbackStrategy, FALLBACK_STRATEGIES);
  checker.nonNegative('recoveryTimeEstimateMs', d.recoveryTimeEstimateMs);
  if (d.description !== undefined && typeof d.description !== 'string') {
    checker.fail('description', 'must be a string');
  }
  if (
    d.dependsOn !== undefined &&
    !(Array.isArray(d.dependsOn) && d.dependsOn.every((name) => typeof name === 'string'))
  ) {
    checker.fail('dependsOn', 'must be a list of dependency names');
  }
  if (d.healthCheck === undefined) {
    checker.fail('healthCheck', 'is required: an endpoint or a check function');
  } else if (checker.isObject('healthCheck', d.healthCheck)) {
    checkHealthCheck(checker.child('healthCheck'), d.healthCheck as Fields, defaults);
  }
}

function checkHealthCheck(checker: OptionChecker, h: Fields, defaults: CheckTimingDefaults): void {
  checkKnownKeys(checker, h, CHECK_KEYS);
  if (h.endpoint === undefined && h.check === undefined) {
    checker.fail('endpoint', 'an endpoint URL or a check function is required');
  }
  if (h.endpoint !== undefined && h.check !== undefined) {
    checker.fail('check', 'cannot be combined with endpoint: give one of them');
  }
  if (h.endpoint !== undefined && !isHttpUrl(h.endpoint)) {
    // The URL is not echoed: it may carry credentials.
    checker.fail('endpoint', 'must be an absolute http:// or https:// URL');
  }
  checker.isFunction('check', h.check);
  checker.oneOf('method', h.method, HEALTH_CHECK_METHODS);
  checkExpectedStatus(checker, h.expectedStatus);
  checkHeaders(checker, h.headers);
  for (const key of ['timeoutMs', 'intervalMs']) {
    checker.positive(key, h[key]);
    if (typeof h[key] === 'number' && h[key] > MAX_DELAY_MS) {
      checker.fail(key, `must be at most ${MAX_DELAY_MS}`);
    }
  }
  checker.integerAtLeast('failureThreshold', h.failureThreshold, 1);
  checker.integerAtLeast('successThreshold', h.successThreshold, 1);
  const timeout = h.timeoutMs ?? defaults.defaultTimeoutMs;
  const interval = h.intervalMs ?? defaults.defaultIntervalMs;
  if (typeof timeout === 'number' && typeof interval === 'number' && timeout > interval) {
    checker.fail(
      'timeoutMs',
      `must be at most the interval (${interval} ms), got ${timeout}: a check would still run when the next starts`,
    );
  }
}

function checkExpectedStatus(checker: OptionChecker, value: unknown): void {
  if (value === undefined) return;
  const codes = Array.isArray(value) ? value : [value];
  const valid = (code: unknown) =>
    Number.isInteger(code) && (code as number) >= 100 && (code as number) <= 599;
  if (codes.length === 0 || !codes.every(valid)) {
    checker.fail('expectedStatus', 'must be an HTTP status code (100–599) or a list of them');
  }
}

function checkHeaders(checker: OptionChecker, value: unknown): void {
  if (value === undefined || !checker.isObject('headers', value)) return;
  for (const [name, header] of Object.entries(value as Fields)) {
    if (typeof header !== 'string') checker.child('headers').fail(name, 'must be a string');
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
