import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { ConfigIssue } from '../../core/errors/index.js';
import { locateJsonError } from './json-error-location.js';
import { DEFAULT_RESILIENCE_CONFIG_FILE } from './option-defaults.js';
import { isPlainObject, setOwn, type OptionLayer } from './option-layer.js';
import { mapSnakeCaseSections } from './snake-case-sections.js';

/** Which config file to read, and whether it must exist. */
export interface ConfigFileChoice {
  /** Absolute path. */
  path: string;
  /** A file someone named must exist; the default file is read only when present. */
  required: boolean;
  /** Where the name came from, for issues about the file itself. */
  namedBy: string;
}

/** The file's layer (when a file was read) and what is wrong with it. */
export interface ConfigFileReading {
  layer?: OptionLayer;
  issues: ConfigIssue[];
}

/**
 * Picks the file: `RESILIENCE_CONFIG_FILE`, else `configFile` from code (`false`: none),
 * else the default file in `cwd`. A `configFile` of the wrong type reads nothing; the
 * validator reports it.
 */
export function chooseConfigFile(
  fromCode: unknown,
  fromEnvironment: string | undefined,
  cwd: string,
): ConfigFileChoice | undefined {
  const at = (name: string) => (isAbsolute(name) ? name : resolve(cwd, name));
  if (fromEnvironment) {
    return {
      path: at(fromEnvironment),
      required: true,
      namedBy: 'environment RESILIENCE_CONFIG_FILE',
    };
  }
  if (typeof fromCode === 'string' && fromCode.length > 0) {
    return { path: at(fromCode), required: true, namedBy: 'code' };
  }
  if (fromCode === undefined)
    return { path: at(DEFAULT_RESILIENCE_CONFIG_FILE), required: false, namedBy: 'default' };
  return undefined;
}

/** Reads and parses the file, mapping the snake_case sections onto the camelCase groups. */
export function readConfigFile(choice: ConfigFileChoice): ConfigFileReading {
  const label = `file ${choice.path}`;
  const problem = (message: string, source: string): ConfigFileReading => ({
    issues: [{ path: 'configFile', message, source }],
  });
  let text: string;
  try {
    text = readFileSync(choice.path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (!choice.required && errorCode(error) === 'ENOENT') return { issues: [] };
    return problem(`cannot read ${choice.path}: ${readFailure(error)}`, choice.namedBy);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const { line, column } = locateJsonError(text, error);
    const reason = parseFailure(error);
    return problem(
      `${choice.path} is not valid JSON at line ${line}, column ${column}: ${reason}`,
      label,
    );
  }
  if (!isPlainObject(parsed)) return problem(`${choice.path} must hold a JSON object`, label);

  const issues: ConfigIssue[] = [];
  const content: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    // `$schema` lets an editor validate the file; it is not an option.
    if (key === '$schema') continue;
    if (key === 'configFile') {
      issues.push({
        path: 'configFile',
        message: 'cannot be set inside the config file',
        source: label,
      });
      continue;
    }
    setOwn(content, key, value);
  }
  const mapping = mapSnakeCaseSections(content, label);
  const pathLabels = new Map<string, string>();
  for (const [path, origin] of mapping.origins) pathLabels.set(path, `${label} (${origin})`);
  return {
    layer: { source: 'file', label, values: mapping.values, pathLabels },
    issues: [...issues, ...mapping.issues],
  };
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null
    ? (error as { code?: unknown }).code
    : undefined;
}

function readFailure(error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** V8's message without the quoted file content (it may hold a secret) or the offset. */
function parseFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '')
    .trim();
}
