import type { OptionChecker } from '../../core/validation/index.js';
import { checkKnownKeys } from './known-keys.js';
import { failConflict, type SourceLookup } from './option-conflicts.js';
import { isPlainObject } from './option-layer.js';

type Group = Record<string, unknown>;
type Rule = (checker: OptionChecker, name: string, value: unknown) => void;

const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

const positive: Rule = (c, name, value) => c.positive(name, value);
const nonNegative: Rule = (c, name, value) => c.nonNegative(name, value);
const boolean: Rule = (c, name, value) => c.isBoolean(name, value);
const ratio: Rule = (c, name, value) => c.ratio(name, value);
const percentage: Rule = (c, name, value) => c.percentage(name, value);
const count: Rule = (c, name, value) => c.integerAtLeast(name, value, 1);
const countFromZero: Rule = (c, name, value) => c.integerAtLeast(name, value, 0);
const atLeastOne: Rule = (c, name, value) => {
  if (value !== undefined && !(isNumber(value) && value >= 1)) {
    c.fail(name, `must be a number >= 1, got ${JSON.stringify(value)}`);
  }
};
const historySize: Rule = (c, name, value) => {
  c.integerAtLeast(name, value, 1);
  if (isNumber(value) && value > 10_000) c.fail(name, `must be at most 10000, got ${value}`);
};
const names: Rule = (c, name, value) => {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) {
    c.fail(name, 'must be a list of names');
  }
};
const metricLevels: Rule = (c, name, value) => {
  if (!c.isObject(name, value)) return;
  for (const [metric, level] of Object.entries(value as Group)) {
    if (!isNumber(level))
      c.child(name).fail(metric, `must be a number, got ${JSON.stringify(level)}`);
  }
};
const preventionFlags: Rule = (c, name, value) => {
  if (!c.isObject(name, value)) return;
  const flags = ['memoryCleanup', 'lowerAdaptiveLimits', 'openBreakersEarly'];
  checkKnownKeys(c.child(name), value as Group, flags);
  for (const flag of flags) c.child(name).isBoolean(flag, (value as Group)[flag]);
};
const metricPrefix: Rule = (c, name, value) => {
  if (value !== undefined && !(typeof value === 'string' && /^([A-Za-z_:][\w:]*)?$/.test(value))) {
    c.fail(
      name,
      `must be a Prometheus name prefix (letters, digits, _ and :), got ${JSON.stringify(value)}`,
    );
  }
};
const registry: Rule = (c, name, value) => {
  if (
    value !== undefined &&
    (typeof value !== 'object' || value === null || isPlainObject(value))
  ) {
    c.fail(name, 'must be a prom-client Registry');
  }
};

/** Every capability settings group: its keys and the rule for each value. */
const CAPABILITY_GROUPS: Record<string, Record<string, Rule>> = {
  healthChecking: {
    defaultTimeoutMs: positive,
    defaultIntervalMs: positive,
    defaultFailureThreshold: count,
    defaultSuccessThreshold: count,
    indicatorTimeoutMs: positive,
    historySize: historySize,
    criticalBreakers: names,
  },
  predictive: {
    enabled: boolean,
    sampleIntervalMs: positive,
    anomalyThreshold: positive,
    predictionWindowHours: positive,
    patternLearningEnabled: boolean,
    alertConfidence: ratio,
    thresholds: metricLevels,
    precursorWindowMs: positive,
    trendWindowMs: positive,
    retentionHours: positive,
    prevention: preventionFlags,
  },
  recovery: {
    autoRecoveryEnabled: boolean,
    maxConcurrentRecoveries: count,
    recoveryTimeoutMultiplier: atLeastOne,
    correlationWindowMs: positive,
  },
  fallback: { timeoutMs: positive, retryFailedFallbacks: boolean },
  metrics: {
    enabled: boolean,
    prefix: metricPrefix,
    retentionHours: positive,
    sampleIntervalMs: positive,
    registry,
  },
  dlq: {
    visibilityTimeoutMs: positive,
    processIntervalMs: positive,
    purgeIntervalMs: positive,
    retentionDays: positive,
    maxRetries: count,
    maxStalledCount: countFromZero,
  },
  memory: {
    enabled: boolean,
    checkIntervalMs: positive,
    warningPercent: percentage,
    criticalPercent: percentage,
    emergencyPercent: percentage,
  },
  monitoring: {
    alertCooldownMs: nonNegative,
    reportIntervalMs: positive,
    recoveryTimeWarningMs: positive,
    recoveryTimeCriticalMs: positive,
    successRateWarning: ratio,
    successRateCritical: ratio,
    errorsPerMinuteWarning: positive,
    errorsPerMinuteCritical: positive,
    windowMs: positive,
    checkIntervalMs: positive,
  },
};

/** The names of the capability settings groups. */
export const CAPABILITY_GROUP_NAMES = Object.keys(CAPABILITY_GROUPS);

/**
 * The settings of the capabilities. Rules across fields: a health check's timeout cannot
 * exceed its interval (a check would still run when the next starts), memory levels rise
 * warning < critical < emergency, and monitoring's critical thresholds are worse than its
 * warnings.
 */
export function checkCapabilitySettings(
  checker: OptionChecker,
  values: Group,
  sources: SourceLookup,
): void {
  for (const [name, rules] of Object.entries(CAPABILITY_GROUPS)) {
    if (!checker.isObject(name, values[name])) continue;
    const settings = values[name] as Group;
    const group = checker.child(name);
    checkKnownKeys(group, settings, Object.keys(rules));
    for (const [key, rule] of Object.entries(rules)) rule(group, key, settings[key]);
  }
  const rise = (group: string, names: string[], orEqual = false) =>
    mustRise(checker, sources, values[group], group, names, orEqual);
  rise('healthChecking', ['defaultTimeoutMs', 'defaultIntervalMs'], true);
  rise('memory', ['warningPercent', 'criticalPercent', 'emergencyPercent']);
  rise('monitoring', ['recoveryTimeWarningMs', 'recoveryTimeCriticalMs']);
  rise('monitoring', ['successRateCritical', 'successRateWarning']);
  rise('monitoring', ['errorsPerMinuteWarning', 'errorsPerMinuteCritical']);
}

/** Each named value must exceed the one before it (or equal it, when `orEqual`). */
function mustRise(
  checker: OptionChecker,
  sources: SourceLookup,
  settings: unknown,
  group: string,
  names: string[],
  orEqual: boolean,
): void {
  if (!isPlainObject(settings)) return;
  for (let i = 1; i < names.length; i++) {
    const [lower, higher] = [settings[names[i - 1]], settings[names[i]]];
    if (!isNumber(lower) || !isNumber(higher) || higher > lower || (orEqual && higher === lower)) {
      continue;
    }
    const lowerPath = `${group}.${names[i - 1]}`;
    failConflict(checker, sources, [lowerPath, `${group}.${names[i]}`], (reported, other) => {
      const [bound, value] =
        reported === lowerPath
          ? [orEqual ? 'at most' : 'less than', lower]
          : [orEqual ? 'at least' : 'greater than', higher];
      return `must be ${bound} ${other}, which is ${reported === lowerPath ? higher : lower}; got ${value}`;
    });
  }
}
