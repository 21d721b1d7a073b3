import type { OptionChecker } from '../../core/validation/index.js';
import { checkKnownKeys } from './known-keys.js';
import { failConflict, type SourceLookup } from './option-conflicts.js';

/** The three ways to reach Redis; a Redis store takes exactly one. */
const CONNECTIONS = ['url', 'cluster', 'client'] as const;
const HIDDEN = '(the value is not shown: it may hold a password)';

/**
 * `store`: a memory store takes nothing else; a Redis store takes one of a `redis://` or
 * `rediss://` URL, the URLs of a cluster, or an existing client. A bad URL is never
 * echoed: it may carry a password.
 */
export function checkStore(checker: OptionChecker, store: unknown, sources: SourceLookup): void {
  if (!checker.isObject('store', store)) return;
  const s = store as Record<string, unknown>;
  const group = checker.child('store');
  if (s.type === undefined) group.fail('type', "is required: 'memory' or 'redis'");
  group.oneOf('type', s.type, ['memory', 'redis']);
  if (s.type === 'memory') {
    for (const key of Object.keys(s)) {
      if (key !== 'type') group.fail(key, "only applies to a Redis store (type: 'redis')");
    }
    return;
  }
  if (s.type !== 'redis') return;
  checkKnownKeys(group, s, ['type', ...CONNECTIONS, 'keyPrefix', 'storeTimeoutMs']);
  if (s.url !== undefined && !isRedisUrl(s.url)) {
    group.fail('url', `must be a redis:// or rediss:// URL ${HIDDEN}`);
  }
  checkCluster(group, s.cluster);
  if (s.client !== undefined && (typeof s.client !== 'object' || s.client === null)) {
    group.fail('client', 'must be an ioredis client (Redis or Cluster)');
  }
  checkOneConnection(checker, group, s, sources);
  if (s.keyPrefix !== undefined && typeof s.keyPrefix !== 'string') {
    group.fail('keyPrefix', 'must be a string');
  }
  group.positive('storeTimeoutMs', s.storeTimeoutMs);
}

function checkCluster(group: OptionChecker, cluster: unknown): void {
  if (cluster === undefined) return;
  if (!Array.isArray(cluster) || cluster.length === 0) {
    group.fail('cluster', 'must be a non-empty list of redis:// node URLs');
  } else if (!cluster.every(isRedisUrl)) {
    group.fail('cluster', `must list redis:// or rediss:// URLs ${HIDDEN}`);
  }
}

function checkOneConnection(
  root: OptionChecker,
  group: OptionChecker,
  store: Record<string, unknown>,
  sources: SourceLookup,
): void {
  const given = CONNECTIONS.filter((key) => store[key] !== undefined);
  if (given.length === 0) {
    group.fail('url', 'a Redis store needs url (or REDIS_URL), cluster or client');
  }
  for (let i = 1; i < given.length; i++) {
    const pair = [`store.${given[0]}`, `store.${given[i]}`] as const;
    failConflict(root, sources, pair, (_, other) => {
      return `cannot be combined with ${other}: give a Redis store one of url, cluster or client`;
    });
  }
}

function isRedisUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'redis:' || url.protocol === 'rediss:';
  } catch {
    return false;
  }
}
