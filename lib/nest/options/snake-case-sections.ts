import type { ConfigIssue } from '../../core/errors/index.js';
import { isPlainObject, setOwn } from './option-layer.js';

/** How one snake_case key maps onto the camelCase group; `seconds` converts to milliseconds. */
interface KeyMapping {
  key: string;
  unit?: 'seconds';
}

/** A snake_case section of the config file and the camelCase group it fills. */
interface SectionMapping {
  group: string;
  keys: Record<string, KeyMapping>;
  /** The section shares its name with the camelCase group, so camelCase keys pass through. */
  sharesName: boolean;
}

/** The snake_case sections of the config file (the seeds' format). */
export const SNAKE_CASE_SECTIONS: Readonly<Record<string, SectionMapping>> = {
  health_checking: {
    group: 'healthChecking',
    sharesName: false,
    keys: {
      default_timeout: { key: 'defaultTimeoutMs', unit: 'seconds' },
      default_interval: { key: 'defaultIntervalMs', unit: 'seconds' },
      default_failure_threshold: { key: 'defaultFailureThreshold' },
      default_success_threshold: { key: 'defaultSuccessThreshold' },
    },
  },
  predictive_analysis: {
    group: 'predictive',
    sharesName: false,
    keys: {
      enabled: { key: 'enabled' },
      sample_interval: { key: 'sampleIntervalMs', unit: 'seconds' },
      anomaly_threshold: { key: 'anomalyThreshold' },
      prediction_window_hours: { key: 'predictionWindowHours' },
      pattern_learning_enabled: { key: 'patternLearningEnabled' },
      alert_confidence: { key: 'alertConfidence' },
      thresholds: { key: 'thresholds' },
      precursor_window: { key: 'precursorWindowMs', unit: 'seconds' },
      trend_window: { key: 'trendWindowMs', unit: 'seconds' },
      retention_hours: { key: 'retentionHours' },
      prevention: { key: 'prevention' },
    },
  },
  recovery: {
    group: 'recovery',
    sharesName: true,
    keys: {
      auto_recovery_enabled: { key: 'autoRecoveryEnabled' },
      max_concurrent_recoveries: { key: 'maxConcurrentRecoveries' },
      recovery_timeout_multiplier: { key: 'recoveryTimeoutMultiplier' },
    },
  },
  fallback: {
    group: 'fallback',
    sharesName: true,
    keys: {
      timeout: { key: 'timeoutMs', unit: 'seconds' },
      retry_failed_fallbacks: { key: 'retryFailedFallbacks' },
    },
  },
};

/** The file's values in the camelCase shape, and which snake_case key each mapped value came from. */
export interface SnakeCaseMapping {
  values: Record<string, unknown>;
  /** camelCase path → snake_case path it was written as. */
  origins: Map<string, string>;
  issues: ConfigIssue[];
}

/** Maps the snake_case sections onto the camelCase groups; everything else is kept as is. */
export function mapSnakeCaseSections(
  file: Record<string, unknown>,
  source: string,
): SnakeCaseMapping {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(file))
    if (!SNAKE_CASE_SECTIONS[key]) setOwn(values, key, value);
  const mapping: SnakeCaseMapping = { values, origins: new Map(), issues: [] };
  for (const [name, section] of Object.entries(SNAKE_CASE_SECTIONS)) {
    if (Object.hasOwn(file, name)) mapSection(name, file[name], section, mapping, source);
  }
  return mapping;
}

function mapSection(
  name: string,
  content: unknown,
  section: SectionMapping,
  mapping: SnakeCaseMapping,
  source: string,
): void {
  const fail = (path: string, message: string) => mapping.issues.push({ path, message, source });
  if (!isPlainObject(content)) return void fail(name, 'must be an object');
  const camelCase = mapping.values[section.group];
  if (camelCase !== undefined && !isPlainObject(camelCase)) return;
  const group: Record<string, unknown> = { ...camelCase };
  const isSnakeCase = (key: string) => Object.hasOwn(section.keys, key) || key.includes('_');
  if (section.sharesName) {
    for (const [key, value] of Object.entries(content))
      if (!isSnakeCase(key)) setOwn(group, key, value);
  }
  for (const [key, value] of Object.entries(content)) {
    if (section.sharesName && !isSnakeCase(key)) continue;
    const known = Object.hasOwn(section.keys, key) ? section.keys[key] : undefined;
    const path = `${name}.${key}`;
    if (!known) {
      fail(path, `unknown key; expected one of ${Object.keys(section.keys).join(', ')}`);
    } else if (Object.hasOwn(group, known.key)) {
      fail(path, `given twice: also as ${section.group}.${known.key}`);
    } else if (known.unit === 'seconds' && typeof value !== 'number') {
      fail(path, `must be a number of seconds, got ${JSON.stringify(value)}`);
    } else {
      const converted = known.unit === 'seconds' ? Math.round((value as number) * 1_000) : value;
      setOwn(group, known.key, converted);
      const unit = known.unit ? `, in ${known.unit}` : '';
      mapping.origins.set(`${section.group}.${known.key}`, `${path}${unit}`);
    }
  }
  setOwn(mapping.values, section.group, group);
}
