import {
  capacityOf,
  type RateLimitDecision,
  type RateLimitOperations,
  type RateLimitRule,
} from '../../core/index.js';
import { bucketPattern, bucketStoreKey, bucketTag } from '../store-keys.js';
import { DecisionBatches } from './decision-batches.js';
import { RATE_LIMIT_SCRIPTS, scriptArgs } from './rate-limit-scripts.js';
import type { RedisChannel } from './redis-channel.js';

/** How many keys one DEL removes when resetting a limiter on a single server. */
const DELETE_BATCH = 500;

/**
 * Rate-limit decisions in Redis: one script call and one round trip per decision, or per
 * batch of decisions asked together ({@link DecisionBatches}).
 */
export class RedisRateLimits implements RateLimitOperations {
  private readonly batches: DecisionBatches;

  constructor(private readonly channel: RedisChannel) {
    this.batches = new DecisionBatches(channel);
  }

  consume(bucketKey: string, rule: RateLimitRule, cost: number): Promise<RateLimitDecision> {
    const { channel } = this;
    return this.batches.decide(
      RATE_LIMIT_SCRIPTS[rule.algorithm],
      bucketTag(bucketKey),
      bucketStoreKey(channel.keyPrefix, bucketKey),
      scriptArgs(rule, cost, channel.now()),
      capacityOf(rule),
    );
  }

  async reset(bucketKey: string): Promise<void> {
    const key = bucketStoreKey(this.channel.keyPrefix, bucketKey);
    await this.channel.call((client) => client.del(key));
  }

  /** Finds the limiter's buckets with SCAN and deletes them. */
  async resetAll(prefix: string): Promise<void> {
    const keys = await this.channel.scan(bucketPattern(this.channel.keyPrefix, prefix));
    // A limiter's buckets share one hash tag, so one DEL may take many; without a prefix
    // they span slots, and a cluster refuses a DEL across slots.
    const batch = prefix === '' ? 1 : DELETE_BATCH;
    for (let i = 0; i < keys.length; i += batch) {
      const chunk = keys.slice(i, i + batch);
      await this.channel.call((client) => client.del(...chunk));
    }
  }
}
