import type { ConfigIssue } from '../../core/errors/index.js';
import { setAtPath, type OptionLayer } from './option-layer.js';

/** How a variable's text becomes an option value; `undefined` means the text is invalid. */
type Parse = (text: string) => unknown;

/** One environment variable the module reads. */
export interface EnvironmentVariable {
  name: string;
  /** The option it sets. */
  target: string;
  /** The unit or form of its text, as the documentation and error messages say. */
  form: string;
  parse: Parse;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const asNumber = (text: string): number | undefined =>
  DECIMAL.test(text) ? Number(text) : undefined;
const secondsAsMs = (text: string): number | undefined => {
  const seconds = asNumber(text);
  return seconds === undefined ? undefined : Math.round(seconds * 1_000);
};
const asBoolean = (text: string): boolean | undefined => {
  const lower = text.toLowerCase();
  if (lower === 'true' || lower === '1') return true;
  if (lower === 'false' || lower === '0') return false;
  return undefined;
};
const asText = (text: string): string => text;

/** Every variable read, in the seeds' units: seconds for `*_TIMEOUT` and `*_INTERVAL`. */
export const RESILIENCE_ENVIRONMENT_VARIABLES: readonly EnvironmentVariable[] = [
  {
    name: 'RESILIENCE_HEALTH_CHECK_INTERVAL',
    target: 'healthChecking.defaultIntervalMs',
    form: 'seconds',
    parse: secondsAsMs,
  },
  {
    name: 'RESILIENCE_PREDICTIVE_ANALYSIS_ENABLED',
    target: 'predictive.enabled',
    form: 'true or false',
    parse: asBoolean,
  },
  {
    name: 'RESILIENCE_AUTO_RECOVERY_ENABLED',
    target: 'recovery.autoRecoveryEnabled',
    form: 'true or false',
    parse: asBoolean,
  },
  {
    name: 'RESILIENCE_FALLBACK_TIMEOUT',
    target: 'fallback.timeoutMs',
    form: 'seconds',
    parse: secondsAsMs,
  },
  {
    name: 'RESILIENCE_METRICS_RETENTION_HOURS',
    target: 'metrics.retentionHours',
    form: 'hours',
    parse: asNumber,
  },
  {
    name: 'CIRCUIT_BREAKER_FAILURE_THRESHOLD',
    target: 'defaults.circuitBreaker.failureThreshold',
    form: 'a whole number',
    parse: asNumber,
  },
  {
    name: 'CIRCUIT_BREAKER_RECOVERY_TIMEOUT',
    target: 'defaults.circuitBreaker.recoveryTimeoutMs',
    form: 'seconds',
    parse: secondsAsMs,
  },
  { name: 'REDIS_URL', target: 'store.url', form: 'a redis:// or rediss:// URL', parse: asText },
  { name: 'RESILIENCE_ADMIN_API_KEY', target: 'admin.apiKey', form: 'text', parse: asText },
  { name: 'RESILIENCE_CONFIG_FILE', target: 'configFile', form: 'a file path', parse: asText },
];

/** The environment layer, and the variables whose text could not be read. */
export interface EnvironmentReading {
  layer: OptionLayer;
  issues: ConfigIssue[];
}

/**
 * Reads the variables of {@link RESILIENCE_ENVIRONMENT_VARIABLES}. Surrounding whitespace is
 * trimmed (a key read from a secrets file often ends in a newline) and an empty variable
 * counts as unset.
 */
export function readEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): EnvironmentReading {
  const values: Record<string, unknown> = {};
  const pathLabels = new Map<string, string>();
  const issues: ConfigIssue[] = [];
  for (const variable of RESILIENCE_ENVIRONMENT_VARIABLES) {
    const text = env[variable.name]?.trim();
    if (!text) continue;
    const label = `environment ${variable.name}`;
    const value = variable.parse(text);
    if (value === undefined) {
      issues.push({
        path: variable.target,
        message: `${variable.name} must be ${variable.form}, got '${text}'`,
        source: label,
      });
      continue;
    }
    setAtPath(values, variable.target, value);
    pathLabels.set(variable.target, label);
    if (variable.name === 'REDIS_URL') {
      setAtPath(values, 'store.type', 'redis');
      pathLabels.set('store.type', label);
    }
  }
  return { layer: { source: 'environment', label: 'environment', values, pathLabels }, issues };
}
