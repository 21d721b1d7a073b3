import type { RateLimitDecision } from '../../core/index.js';
import { decisionOf, type RateLimitReply } from './rate-limit-reply.js';
import type { RateLimitScript } from './rate-limit-scripts.js';
import type { RedisChannel } from './redis-channel.js';

/** The most decisions one script call takes, so that no call holds Redis for long. */
export const MAX_DECISIONS_PER_CALL = 128;

/** A decision waiting for its batch to be sent. */
interface Waiting {
  readonly key: string;
  readonly args: readonly (string | number)[];
  readonly limit: number;
  readonly resolve: (decision: RateLimitDecision) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Rate-limit decisions asked in the same tick, of one algorithm and one hash tag (one
 * limiter, so one Cluster slot), go to Redis as one script call: each decision is as atomic
 * as alone and they are taken in the order asked, but Redis runs one script instead of
 * many, reads its clock once and sends one reply. A decision asked alone goes alone, after
 * the code of its tick has run (a microtask: no timer, no added round trip).
 */
export class DecisionBatches {
  private readonly open = new Map<RateLimitScript, Map<string, Waiting[]>>();
  private flushQueued = false;

  constructor(private readonly channel: RedisChannel) {}

  decide(
    script: RateLimitScript,
    tag: string,
    key: string,
    args: readonly (string | number)[],
    limit: number,
  ): Promise<RateLimitDecision> {
    return new Promise((resolve, reject) => {
      const batch = this.batchOf(script, tag);
      batch.push({ key, args, limit, resolve, reject });
      if (batch.length < MAX_DECISIONS_PER_CALL) return;
      this.open.get(script)?.delete(tag);
      this.send(script, batch);
    });
  }

  private batchOf(script: RateLimitScript, tag: string): Waiting[] {
    let byTag = this.open.get(script);
    if (!byTag) this.open.set(script, (byTag = new Map()));
    let batch = byTag.get(tag);
    if (!batch) byTag.set(tag, (batch = []));
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(this.flush);
    }
    return batch;
  }

  private readonly flush = (): void => {
    this.flushQueued = false;
    for (const [script, byTag] of this.open) {
      for (const batch of byTag.values()) this.send(script, batch);
    }
    this.open.clear();
  };

  private send(script: RateLimitScript, batch: readonly Waiting[]): void {
    if (batch.length === 1) return this.sendOne(script, batch[0]!);
    const keys = batch.map((waiting) => waiting.key);
    const args: (string | number)[] = [batch[0]!.args.length];
    for (const waiting of batch) args.push(...waiting.args);
    this.channel.run(script.batch, keys, args).then(
      (replies) => answer(batch, replies as (RateLimitReply | Error)[]),
      (error: unknown) => batch.forEach((waiting) => waiting.reject(error)),
    );
  }

  private sendOne(script: RateLimitScript, waiting: Waiting): void {
    this.channel
      .run(script.one, waiting.key, waiting.args, (reply) =>
        decisionOf(reply as RateLimitReply, waiting.limit),
      )
      .then(waiting.resolve, waiting.reject);
  }
}

/** Settles each decision of a batch with its own reply (an error answers only its own). */
function answer(batch: readonly Waiting[], replies: readonly (RateLimitReply | Error)[]): void {
  batch.forEach((waiting, i) => {
    const reply = replies[i]!;
    if (reply instanceof Error) waiting.reject(reply);
    else waiting.resolve(decisionOf(reply, waiting.limit));
  });
}
