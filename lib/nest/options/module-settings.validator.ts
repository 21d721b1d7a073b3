import type { ConfigIssue } from '../../core/errors/index.js';
import type { OptionChecker } from '../../core/validation/index.js';
import { checkKnownKeys } from './known-keys.js';
import { failConflict, type SourceLookup } from './option-conflicts.js';

/** `admin`: an API key or a guard class, not both. The key itself is never echoed. */
export function checkAdmin(checker: OptionChecker, admin: unknown, sources: SourceLookup): void {
  if (!checker.isObject('admin', admin)) return;
  const a = admin as Record<string, unknown>;
  const group = checker.child('admin');
  checkKnownKeys(group, a, ['apiKey', 'guard']);
  if (a.apiKey !== undefined && (typeof a.apiKey !== 'string' || a.apiKey.trim() === '')) {
    group.fail('apiKey', 'must be a non-empty string');
  }
  group.isFunction('guard', a.guard);
  if (a.apiKey !== undefined && a.guard !== undefined) {
    failConflict(checker, sources, ['admin.apiKey', 'admin.guard'], (_, other) => {
      return `cannot be combined with ${other}: protect the admin routes with an API key or a guard, not both`;
    });
  }
}

const HTTP_GROUPS = ['health', 'resilience', 'admin', 'metrics'] as const;
const ROUTE_PATH = /^[A-Za-z0-9._~\-/]+$/;

/** `http`: each group on or off with a route path; two mounted groups cannot share a path. */
export function checkHttp(checker: OptionChecker, http: unknown, sources: SourceLookup): void {
  if (!checker.isObject('http', http)) return;
  const groups = checker.child('http');
  checkKnownKeys(groups, http as Record<string, unknown>, HTTP_GROUPS, 'route group');
  const mounted = new Map<string, string>();
  for (const name of HTTP_GROUPS) {
    const options = (http as Record<string, unknown>)[name];
    if (!groups.isObject(name, options)) continue;
    const o = options as Record<string, unknown>;
    const group = groups.child(name);
    checkKnownKeys(group, o, ['enabled', 'path']);
    group.isBoolean('enabled', o.enabled);
    if (o.path === undefined) continue;
    const path = typeof o.path === 'string' ? trimSlashes(o.path) : '';
    if (!ROUTE_PATH.test(path)) {
      group.fail(
        'path',
        `must be a route path such as '${name}' (letters, digits, - . _ ~ /), got ${JSON.stringify(o.path)}`,
      );
      continue;
    }
    if (o.enabled === false) continue;
    const other = mounted.get(path);
    if (other) {
      failConflict(
        checker,
        sources,
        [`http.${other}.path`, `http.${name}.path`],
        (_, reference) => {
          return `'${path}' is already the path of ${reference}: two route groups cannot share a path`;
        },
      );
    }
    mounted.set(path, name);
  }
}

/** Route paths are kept without leading or trailing slashes. */
export function trimSlashes(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** `configFile` given in code: a file name, or `false` for none. */
export function checkConfigFileOption(configFile: unknown, source: string): ConfigIssue[] {
  if (configFile === undefined || configFile === false) return [];
  if (typeof configFile === 'string' && configFile.trim() !== '') return [];
  return [
    {
      path: 'configFile',
      message: `must be a file name or false, got ${JSON.stringify(configFile)}`,
      source,
    },
  ];
}
