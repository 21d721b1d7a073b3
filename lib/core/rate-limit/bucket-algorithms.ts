import type { BucketAlgorithm } from './bucket-algorithm.js';
import { fixedWindow } from './fixed-window.js';
import type { RateLimitAlgorithm } from './rate-limit.options.js';
import { slidingWindowCounter } from './sliding-window-counter.js';
import { slidingWindowLog } from './sliding-window-log.js';
import { tokenBucket } from './token-bucket.js';

/**
 * The admission arithmetic of each algorithm. `adaptive` admits like the counter; its
 * limit is adjusted by the limiter (see `adaptive-limit.ts`) and arrives in the rule.
 */
export const BUCKET_ALGORITHMS: Readonly<Record<RateLimitAlgorithm, BucketAlgorithm>> = {
  'sliding-window': slidingWindowLog,
  'sliding-window-counter': slidingWindowCounter,
  'fixed-window': fixedWindow,
  'token-bucket': tokenBucket,
  adaptive: slidingWindowCounter,
};
