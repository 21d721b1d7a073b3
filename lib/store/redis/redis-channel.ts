import { OutageTracker, type Clock, type OutageReporter } from '../../core/index.js';
import { DeadlineWatch } from './deadline-watch.js';
import { isNoScript, type LuaScript } from './lua-script.js';
import { serversOf, type RedisConnection } from './redis-connection.js';
import { WriteBatch } from './write-batch.js';

/**
 * Every command the store sends goes through here: bounded by `storeTimeoutMs` (one
 * watchdog timer, not one per command), and counted towards the store's reachability so an
 * outage is reported once. Scripts run by SHA; a server that lacks one (NOSCRIPT: it
 * restarted, failed over or flushed its cache) gets the source, which caches it again.
 * Commands sent while others are in flight share socket writes ({@link WriteBatch}).
 */
export class RedisChannel {
  private readonly watch: DeadlineWatch;
  private readonly outage: OutageTracker;
  private readonly batch: WriteBatch;

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
    this.batch = new WriteBatch(() => client.stream);
  }

  /** The time argument of a script: '' lets the script read the server's clock. */
  now(): string {
    return this.clock ? String(this.clock.now()) : '';
  }

  /**
   * Runs `script` on `keys` (one key, or several of one slot) with `args`; `read` turns its
   * reply into the result.
   */
  run<R = unknown>(
    script: LuaScript,
    keys: string | readonly string[],
    args: readonly (string | number)[],
    read?: (reply: unknown) => R,
  ): Promise<R> {
    const { client } = this;
    this.batch.sending(this.watch.busy);
    const sent =
      typeof keys === 'string'
        ? client.evalsha(script.sha, 1, keys, ...args)
        : client.evalsha(script.sha, keys.length, ...keys, ...args);
    const again = (error: unknown): Promise<unknown> | undefined => {
      if (!isNoScript(error)) return undefined;
      const all = typeof keys === 'string' ? [keys] : keys;
      return client.eval(script.source, all.length, ...all, ...args);
    };
    return this.watch.watch(sent, this.outage, again, read);
  }

  /** A plain command, e.g. `(c) => c.get(key)`. */
  call<T>(command: (client: RedisConnection) => Promise<T>): Promise<T> {
    let sent: Promise<T>;
    try {
      this.batch.sending(this.watch.busy);
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
