import { OutageTracker, type Clock, type OutageReporter } from '../../core/index.js';
import { DeadlineWatch } from './deadline-watch.js';
import { isNoScript, type LuaScript } from './lua-script.js';
import { serversOf, type RedisConnection } from './redis-connection.js';

/**
 * Every command the store sends goes through here: bounded by `storeTimeoutMs` (one
 * watchdog timer, not one per command), and counted towards the store's reachability so an
 * outage is reported once. Scripts run by SHA; a server that lacks one (NOSCRIPT: it
 * restarted, failed over or flushed its cache) gets the source, which caches it again.
 */
export class RedisChannel {
  private readonly watch: DeadlineWatch;
  private readonly outage: OutageTracker;

  constructor(
    readonly client: RedisConnection,
    readonly keyPrefix: string,
    timeoutMs: number,
    reporter: OutageReporter,
    /** Test only: the time scripts use instead of the server's clock. */
    private readonly clock?: Clock,
  ) {
    this.watch = new DeadlineWatch(timeoutMs);
    this.outage = new OutageTracker(reporter);
  }

  /** The time argument of a script: '' lets the script read the server's clock. */
  now(): string {
    return this.clock ? String(this.clock.now()) : '';
  }

  /** Runs `script` on `keys` (one key, or several of one slot) with `args`. */
  run(
    script: LuaScript,
    keys: string | readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    const { client } = this;
    const single = typeof keys === 'string';
    const numKeys = single ? 1 : keys.length;
    const argv = single ? [keys, ...args] : [...keys, ...args];
    const sent = client.evalsha(script.sha, numKeys, ...argv);
    return this.watch.watch(sent, this.outage, (error) =>
      isNoScript(error) ? client.eval(script.source, numKeys, ...argv) : undefined,
    );
  }

  /** A plain command, e.g. `(c) => c.get(key)`. */
  call<T>(command: (client: RedisConnection) => Promise<T>): Promise<T> {
    let sent: Promise<T>;
    try {
      sent = command(this.client);
    } catch (error) {
      sent = Promise.reject(error);
    }
    return this.send(sent);
  }

  /** Every key matching `pattern`, from every master (SCAN, never KEYS). */
  async scan(pattern: string): Promise<string[]> {
    const found: string[] = [];
    for (const server of serversOf(this.client)) {
      let cursor = '0';
      do {
        const [next, keys] = await this.send(server.scan(cursor, 'MATCH', pattern, 'COUNT', 1000));
        found.push(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    return found;
  }

  /** Caches the scripts on every server (they are sent again on NOSCRIPT anyway). */
  async load(scripts: readonly LuaScript[]): Promise<void> {
    const servers = serversOf(this.client);
    await Promise.all(
      servers.flatMap((server) => scripts.map((s) => this.send(server.script('LOAD', s.source)))),
    );
  }

  /** The store answered (e.g. the connection became ready) or failed outside a command. */
  reportAnswer(): void {
    this.outage.answered();
  }

  reportFailure(error: unknown): void {
    this.outage.failed(error);
  }

  stop(): void {
    this.watch.stop();
  }

  private send<T>(command: Promise<T>): Promise<T> {
    return this.watch.watch(command, this.outage);
  }
}
