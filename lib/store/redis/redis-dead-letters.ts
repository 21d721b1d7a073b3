import type {
  ClaimByIdResult,
  DeadLetterCounts,
  DeadLetterOperations,
  DeadLetterPage,
  DeadLetterRecord,
  DeadLetterSettlement,
  DeadLetterStatus,
  NewDeadLetter,
  StallLimit,
} from '../dead-letter.types.js';
import { DEAD_LETTER_IDLE_TTL_MS } from '../dead-letter-idle-ttl.js';
import { storeKey } from '../store-keys.js';
import { countsOf, recordOf } from './dead-letter-reply.js';
import { DEAD_LETTER_LUA } from './lua/dead-letter.lua.js';
import { LuaScript } from './lua-script.js';
import type { RedisChannel } from './redis-channel.js';

export const DEAD_LETTER_SCRIPT = new LuaScript(DEAD_LETTER_LUA);

/**
 * The dead-letter queue in Redis, every operation one script call on the server's clock:
 * `<prefix>deadletter:{<queue>}:messages | due | leases | settled | all | counts | seq`, a
 * JSON record per message in `messages`, all in one Cluster slot. Every operation renews
 * the TTL of every key ({@link DEAD_LETTER_IDLE_TTL_MS}), so a queue in use never expires
 * and an abandoned one expires whole. Settled messages leave by purge.
 */
export class RedisDeadLetters implements DeadLetterOperations {
  private readonly keys: string[];

  constructor(
    private readonly channel: RedisChannel,
    queue = 'default',
  ) {
    const base = storeKey(channel.keyPrefix, 'deadletter', queue);
    const parts = ['messages', 'due', 'leases', 'settled', 'all', 'counts', 'seq'];
    this.keys = parts.map((part) => `${base}:${part}`);
  }

  async add(letter: NewDeadLetter): Promise<DeadLetterRecord> {
    return recordOf((await this.run('add', letter.id, letter.type, letter.body)) as string);
  }

  async claim(
    limit: number,
    visibilityMs: number,
    token: string,
    stalls: StallLimit,
  ): Promise<DeadLetterRecord[]> {
    const args = [limit, visibilityMs, token, stalls.maxStalls, stalls.error];
    const reply = (await this.run('claim', ...args)) as string[];
    return reply.map(recordOf);
  }

  async claimById(id: string, visibilityMs: number, token: string): Promise<ClaimByIdResult> {
    const [found, text] = (await this.run('claimById', id, visibilityMs, token)) as [
      'claimed' | 'unknown' | 'busy' | 'succeeded',
      string | undefined,
    ];
    return found === 'claimed' && text !== undefined
      ? { found, record: recordOf(text) }
      : ({ found } as ClaimByIdResult);
  }

  async settle(id: string, token: string, settlement: DeadLetterSettlement): Promise<boolean> {
    const error = settlement.kind === 'failed' ? settlement.error : '';
    const delay = settlement.kind === 'succeeded' ? '' : (settlement.delayMs ?? '');
    return (await this.run('settle', id, token, settlement.kind, error, delay)) === 1;
  }

  async get(id: string): Promise<DeadLetterRecord | undefined> {
    const text = (await this.run('get', id)) as string | null;
    return text === null ? undefined : recordOf(text);
  }

  async list(filter: {
    from: number;
    scan: number;
    type?: string;
    status?: DeadLetterStatus;
  }): Promise<DeadLetterPage> {
    const args = [filter.from, filter.scan, filter.type ?? '', filter.status ?? ''];
    const [next, found] = (await this.run('list', ...args)) as [number, string[]];
    return { records: found.map(recordOf), next: next < 0 ? undefined : next };
  }

  async counts(): Promise<DeadLetterCounts> {
    return countsOf((await this.run('counts')) as string[]);
  }

  async purge(olderThanMs: number, limit: number): Promise<number> {
    return (await this.run('purge', olderThanMs, limit)) as number;
  }

  private run(op: string, ...args: (string | number)[]): Promise<unknown> {
    const time = this.channel.now();
    return this.channel.run(DEAD_LETTER_SCRIPT, this.keys, [
      op,
      time,
      DEAD_LETTER_IDLE_TTL_MS,
      ...args,
    ]);
  }
}
