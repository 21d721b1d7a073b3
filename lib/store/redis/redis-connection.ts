import type { CorkableSocket } from './write-batch.js';

/**
 * The part of an ioredis client (`Redis` or `Cluster`) the store uses. Both satisfy it, so
 * the store needs ioredis only at run time, and only when the app chose Redis.
 */
export interface RedisConnection {
  evalsha(sha: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: (string | number)[]): Promise<unknown>;
  script(subcommand: 'LOAD', script: string): Promise<unknown>;
  scan(
    cursor: string,
    match: 'MATCH',
    pattern: string,
    count: 'COUNT',
    howMany: number,
  ): Promise<[string, string[]]>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, px: 'PX', ms: number): Promise<unknown>;
  del(...keys: string[]): Promise<number>;
  on(event: 'error' | 'ready', listener: (arg?: unknown) => void): unknown;
  removeListener(event: 'error' | 'ready', listener: (arg?: unknown) => void): unknown;
  quit(): Promise<unknown>;
  disconnect(): void;
  readonly status: string;
  /** The socket of a single-server client (a Cluster has one per node instead). */
  readonly stream?: CorkableSocket;
}

/** An ioredis `Cluster`: commands are routed by key; `nodes` reaches each server. */
export interface RedisClusterConnection extends RedisConnection {
  nodes(role: 'master'): RedisConnection[];
}

export function isCluster(client: RedisConnection): client is RedisClusterConnection {
  return typeof (client as Partial<RedisClusterConnection>).nodes === 'function';
}

/** The servers to run a key-less command on: every master of a cluster, or the one server. */
export function serversOf(client: RedisConnection): RedisConnection[] {
  return isCluster(client) ? client.nodes('master') : [client];
}
