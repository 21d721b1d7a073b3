import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../integration/support/free-port.js';
import { sendInline, waitUntil } from './resp-probe.js';

/** A redis-server the test started. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops it (SIGKILL, like a crash, when `crash` is set); the port stays reserved for start(). */
  stop(options?: { crash?: boolean }): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open, nothing answers. */
  pause(): void;
  /** Lets a paused server answer again (SIGCONT). */
  resume(): void;
}

/** Flags every test server gets: loopback only, no persistence. */
export function serverArgs(port: number, extra: readonly string[] = []): string[] {
  return [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    ...extra,
  ];
}

/** Spawns redis-server and resolves once it answers PING. */
export async function spawnRedis(
  port: number,
  extra: readonly string[] = [],
): Promise<ChildProcess> {
  const child = spawn('redis-server', serverArgs(port, extra), { stdio: 'ignore' });
  let exited = false;
  // A server must not outlive the process that started it, even when that one crashes.
  const killOnExit = (): boolean => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => {
    exited = true;
    process.off('exit', killOnExit);
  });
  await waitUntil(async () => {
    if (exited) throw new Error(`redis-server on port ${port} exited at start`);
    return (await sendInline(port, 'PING')).startsWith('+PONG');
  }, `redis-server on port ${port}`);
  return child;
}

/** Stops a server and resolves once the process has exited. */
export function killRedis(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGCONT'); // a paused server handles SIGTERM only once it runs again
    child.kill(signal);
  });
}

/**
 * Starts a redis-server on a free loopback port (no persistence) and resolves once it
 * answers PING. Call `stop()` in `afterAll`.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined = await spawnRedis(port);
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop(options) {
      if (child) await killRedis(child, options?.crash ? 'SIGKILL' : 'SIGTERM');
      child = undefined;
    },
    async start() {
      if (!child) child = await spawnRedis(port);
    },
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
  };
}
