import type { Cluster, Redis, RedisOptions } from 'ioredis';
import { ResilienceConfigError } from '../../core/index.js';
import type { RedisConnection } from './redis-connection.js';
import { RedisStore, type RedisStoreSettings } from './redis-store.js';

/** Where the Redis store connects: a URL, the URLs of a cluster, or a client you own. */
export interface RedisStoreConnection extends Omit<RedisStoreSettings, 'ownsClient'> {
  /** `redis://` or `rediss://`. */
  url?: string;
  /** Cluster nodes (`redis://host:port` each); the rest of the cluster is discovered. */
  cluster?: string[];
  /** An ioredis `Redis` or `Cluster` client; the store does not close it. */
  client?: RedisConnection;
}

/** Commands fail at once while disconnected instead of queueing (a queued INCR replays late). */
const CLIENT_OPTIONS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  autoResendUnfulfilledCommands: false,
} as const;
const reconnectDelay = (attempt: number): number => Math.min(attempt * 200, 2_000);

/**
 * A {@link RedisStore} over the given client, or over a new ioredis client (loaded only
 * now: ioredis is an optional peer dependency) that fails fast while Redis is down.
 *
 * @throws ResilienceConfigError naming `store` when ioredis is not installed.
 */
export async function connectRedisStore(connection: RedisStoreConnection): Promise<RedisStore> {
  const { url, cluster, client, ...options } = connection;
  if (client) return new RedisStore(client, { ...options, ownsClient: false });
  const ioredis = await loadIoredis();
  const connectTimeout = Math.max(1_000, options.storeTimeoutMs ?? 1_000);
  let created: RedisConnection;
  if (cluster) {
    const nodes = cluster.map((node) => new URL(node));
    created = new ioredis.Cluster(
      nodes.map(({ hostname, port }) => ({ host: hostname, port: Number(port || 6379) })),
      {
        enableOfflineQueue: false,
        clusterRetryStrategy: reconnectDelay,
        redisOptions: { ...CLIENT_OPTIONS, ...credentialsOf(nodes[0]), connectTimeout },
      },
    );
  } else {
    created = new ioredis.Redis(url ?? 'redis://127.0.0.1:6379', {
      ...CLIENT_OPTIONS,
      connectTimeout,
      retryStrategy: reconnectDelay,
    });
  }
  return new RedisStore(created, { ...options, ownsClient: true });
}

/** The cluster's credentials and TLS, from its first node's URL (ioredis parses single URLs). */
function credentialsOf(url: URL): Pick<RedisOptions, 'username' | 'password' | 'tls'> {
  return {
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    tls: url.protocol === 'rediss:' ? {} : undefined,
  };
}

async function loadIoredis(): Promise<{ Redis: typeof Redis; Cluster: typeof Cluster }> {
  try {
    return await import('ioredis');
  } catch (error) {
    throw new ResilienceConfigError([
      {
        path: 'store',
        message: `type 'redis' needs the ioredis package (npm install ioredis): ${String(error)}`,
      },
    ]);
  }
}
