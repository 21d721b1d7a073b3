import { ResilienceConfigError, type ConfigIssue } from '../../core/errors/index.js';
import { describeSource, mergeLayers, precedenceOf, type MergedOptions } from './deep-merge.js';
import { trimSlashes } from './module-settings.validator.js';
import { REDIS_STORE_DEFAULTS } from './option-defaults.js';
import { isPlainObject, type OptionLayer } from './option-layer.js';
import { validateMergedOptions } from './options.validator.js';
import { readOptionLayers } from './read-option-layers.js';
import type { ResilienceModuleOptions } from './resilience-module-options.interface.js';
import type { ResolvedResilienceOptions } from './resolved-options.interface.js';

/** Where resolution looks for the environment and the config file. */
export interface ResolveContext {
  /** Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The directory a relative `configFile` is read from. Default `process.cwd()`. */
  cwd?: string;
}

/**
 * The effective module options: defaults < `NODE_ENV` preset < config file < `code`
 * < environment variables, merged and validated. Throws one `ResilienceConfigError`
 * listing every wrong field with its path, source and reason.
 */
export function resolveResilienceOptions(
  code: ResilienceModuleOptions = {},
  context: ResolveContext = {},
): ResolvedResilienceOptions {
  const read = readOptionLayers(code, context.env ?? process.env, context.cwd ?? process.cwd());
  const merged = mergeLayers(read.layers.map(expandTimeoutShorthand));
  fillRedisDefaults(merged);
  const issues = [...read.issues, ...issuesWithSources(merged)];
  if (issues.length > 0) throw new ResilienceConfigError(withoutRepeats(issues));

  const resolved = merged.values as unknown as ResolvedResilienceOptions;
  for (const group of Object.values(resolved.http)) group.path = trimSlashes(group.path);
  const sources = Object.fromEntries(merged.sources);
  if (read.configFile) sources.configFile = read.configFile.source;
  return { ...resolved, configFile: read.configFile?.path ?? false, preset: read.preset, sources };
}

function issuesWithSources(merged: MergedOptions): ConfigIssue[] {
  const describe = (path: string) => describeSource(path, merged);
  const precedence = (path: string) => precedenceOf(path, merged);
  return validateMergedOptions(merged.values, { describe, precedence }).map((issue) => ({
    ...issue,
    source: issue.source ?? describe(issue.path),
  }));
}

/** `timeout: 2_000` in `defaults` or a named policy means `timeout: { ms: 2_000 }`. */
function expandTimeoutShorthand(layer: OptionLayer): OptionLayer {
  const expand = (set: unknown) =>
    isPlainObject(set) && typeof set.timeout === 'number'
      ? { ...set, timeout: { ms: set.timeout } }
      : set;
  const values = { ...layer.values };
  if (values.defaults !== undefined) values.defaults = expand(values.defaults);
  if (isPlainObject(values.policies)) {
    const policies = Object.entries(values.policies).map(([name, set]) => [name, expand(set)]);
    values.policies = Object.fromEntries(policies);
  }
  return { ...layer, values };
}

function fillRedisDefaults(merged: MergedOptions): void {
  const store = merged.values.store;
  if (!isPlainObject(store) || store.type !== 'redis') return;
  for (const [key, value] of Object.entries(REDIS_STORE_DEFAULTS)) {
    if (store[key] !== undefined) continue;
    store[key] = value;
    merged.sources.set(`store.${key}`, 'default');
    merged.labels.set(`store.${key}`, 'default');
  }
}

function withoutRepeats(issues: ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path}\n${issue.message}\n${issue.source ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
