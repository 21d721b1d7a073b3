import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../../core/index.js';
import type { DeadLetterOperations, StallLimit } from '../../store/index.js';
import { checkDeadLetterInput } from './check-input.js';
import { DeadLetterNotFoundError } from './dead-letter.errors.js';
import type {
  DeadLetterBatchResult,
  DeadLetterInput,
  DeadLetterMessage,
  DeadLetterOutcome,
  DeadLetterQuery,
  DeadLetterRetryOptions,
  DeadLetterStats,
} from './dead-letter.types.js';
import { DeadLetterHandlerRegistry } from './handler-registry.js';
import { encodeBody, errorInfo, messageOf, decodeBody } from './message-codec.js';
import { runClaimed, type RunEnvironment } from './run-claimed.js';
import { retrySettings } from './retry-schedule.js';
import { summarize } from './batch-summary.js';
import { purgeSettled, statsOf } from './queue-stats.js';
import { stalledErrorInfo } from './stalled-error.js';

/** Settings of a {@link DeadLetterQueue}. */
export interface DeadLetterQueueSettings {
  /** A claimed message not settled within this returns to the queue. */
  visibilityTimeoutMs: number;
  /** Handler runs before a message is exhausted, unless its handler or `add` says otherwise. */
  maxRetries: number;
  /** How long a message whose type has no handler waits before it is looked at again. */
  unhandledDelayMs: number;
  /**
   * Times a message's claim may run out unsettled (its process died or hung) and be taken
   * back; past it the message is exhausted with a `DeadLetterStalledError`. Default 1.
   */
  maxStalledCount?: number;
  clock?: Clock;
  random?: () => number;
  handlers?: DeadLetterHandlerRegistry;
  /** Told about every message added, and every handler run (metrics, events, logs). */
  onAdded?: (message: DeadLetterMessage) => void;
  onRun?: RunEnvironment['onRun'];
}

const LIST_SCAN = 200;

/**
 * The dead-letter queue without Nest: over any store's `deadLetters`, delivery at least
 * once (a message whose claim runs out is claimed again), handlers per type.
 */
export class DeadLetterQueue {
  readonly handlers: DeadLetterHandlerRegistry;
  private readonly env: RunEnvironment;
  private readonly stallLimit: StallLimit;

  constructor(
    private readonly store: DeadLetterOperations,
    private readonly settings: DeadLetterQueueSettings,
  ) {
    this.handlers = settings.handlers ?? new DeadLetterHandlerRegistry();
    const maxStalls = settings.maxStalledCount ?? 1;
    this.stallLimit = { maxStalls, error: JSON.stringify(stalledErrorInfo(maxStalls)) };
    this.env = {
      store,
      handlers: this.handlers,
      clock: settings.clock ?? systemClock,
      random: settings.random ?? Math.random,
      maxRetries: settings.maxRetries,
      unhandledDelayMs: settings.unhandledDelayMs,
      onRun: settings.onRun,
    };
  }

  /**
   * Stores a failed piece of work; resolves to its id.
   *
   * @throws DeadLetterPayloadError when the payload is not JSON-serialisable.
   */
  async add(
    input: DeadLetterInput,
    error: unknown,
    options: DeadLetterRetryOptions = {},
  ): Promise<string> {
    checkDeadLetterInput(input, options);
    const body = encodeBody({ payload: input.payload, error: errorInfo(error), options });
    const record = await this.store.add({ id: randomUUID(), type: input.type, body });
    this.settings.onAdded?.(messageOf(record, this.maxRetriesOf(record.type, options)));
    return record.id;
  }

  /** The message, or `undefined` for an unknown (or purged) id. */
  async get<P = unknown>(id: string): Promise<DeadLetterMessage<P> | undefined> {
    const record = await this.store.get(id);
    if (!record) return undefined;
    return messageOf<P>(record, this.maxRetriesOf(record.type, decodeBody(record).options));
  }

  /** Messages, newest first, filtered by type and status. */
  async list(query: DeadLetterQuery = {}): Promise<DeadLetterMessage[]> {
    const limit = query.limit ?? 50;
    const found: DeadLetterMessage[] = [];
    let from: number | undefined = 0;
    while (from !== undefined && found.length < limit) {
      const page = await this.store.list({
        from,
        scan: LIST_SCAN,
        type: query.type,
        status: query.status,
      });
      for (const record of page.records) {
        found.push(messageOf(record, this.maxRetriesOf(record.type, decodeBody(record).options)));
      }
      from = page.next;
    }
    return found.slice(0, limit);
  }

  /**
   * Runs the message's handler now, whatever its retry time (an exhausted one too), and
   * resolves with the outcome.
   *
   * @throws DeadLetterNotFoundError naming an unknown id.
   */
  async retry(id: string): Promise<DeadLetterOutcome> {
    const token = randomUUID();
    const claim = await this.store.claimById(id, this.settings.visibilityTimeoutMs, token);
    if (claim.found === 'unknown') throw new DeadLetterNotFoundError(id);
    if (claim.found === 'busy') return { id, outcome: 'busy', status: 'processing' };
    if (claim.found === 'succeeded')
      return { id, outcome: 'already-succeeded', status: 'succeeded' };
    return runClaimed(this.env, claim.record, token);
  }

  /** Claims up to `size` due messages and runs their handlers, one after another. */
  async processBatch(size = 100): Promise<DeadLetterBatchResult> {
    const token = randomUUID();
    const { visibilityTimeoutMs } = this.settings;
    const claimed = await this.store.claim(size, visibilityTimeoutMs, token, this.stallLimit);
    const outcomes: DeadLetterOutcome[] = [];
    for (const record of claimed) outcomes.push(await runClaimed(this.env, record, token));
    return summarize(outcomes);
  }

  /** Deletes succeeded and exhausted messages settled more than `olderThanDays` ago. */
  purge(options: { olderThanDays: number }): Promise<number> {
    return purgeSettled(this.store, options.olderThanDays);
  }

  async stats(): Promise<DeadLetterStats> {
    return statsOf(await this.store.counts(), (type) => this.handlers.has(type));
  }

  private maxRetriesOf(type: string, own: DeadLetterRetryOptions): number {
    return retrySettings(own, this.handlers.get(type)?.options, this.settings.maxRetries)
      .maxRetries;
  }
}
