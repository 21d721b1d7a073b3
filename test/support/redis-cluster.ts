import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { killRedis, spawnRedis } from './redis-server.js';
import { sendInline, waitUntil } from './resp-probe.js';

/** A three-master Redis Cluster the test started on loopback. */
export interface RedisCluster {
  readonly ports: readonly number[];
  /** `redis://127.0.0.1:<port>` of each master. */
  readonly urls: readonly string[];
  stop(): Promise<void>;
}

const run = promisify(execFile);

/** True when `port` can be bound on loopback right now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port whose cluster bus port (+10 000) is free as well. */
async function freeClusterPort(taken: readonly number[]): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    if (taken.some((other) => Math.abs(other - port) < 2)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) return port;
  }
}

/**
 * Starts three `redis-server --cluster-enabled yes` on loopback, joins them with
 * `redis-cli --cluster create` (no replicas) and resolves once every node reports
 * `cluster_state:ok`.
 */
export async function startRedisCluster(): Promise<RedisCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-cluster-'));
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) ports.push(await freeClusterPort(ports));
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map((child) => killRedis(child)));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const config = ['--cluster-enabled', 'yes', '--cluster-node-timeout', '2000'];
      const files = ['--cluster-config-file', `nodes-${port}.conf`, '--dir', dir];
      children.push(await spawnRedis(port, [...config, ...files]));
    }
    const nodes = ports.map((port) => `127.0.0.1:${port}`);
    await run('redis-cli', [
      '--cluster',
      'create',
      ...nodes,
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    for (const port of ports) {
      await waitUntil(
        async () => (await sendInline(port, 'CLUSTER INFO')).includes('cluster_state:ok'),
        `cluster_state:ok on port ${port}`,
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { ports, urls: ports.map((port) => `redis://127.0.0.1:${port}`), stop };
}
