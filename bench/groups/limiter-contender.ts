import type { TimedContender } from '../harness/timed-contenders.js';

/** A limiter under test, through its own API. */
export interface Limiter {
  /** The call that is timed. */
  consume(key: string): Promise<unknown>;
  /** The same call, with its outcome read; only used to check that it limits at all. */
  isAllowed(key: string): Promise<boolean>;
  dispose?(): void | Promise<void>;
}

export interface LimiterContender {
  name: string;
  description: string;
  build(limit: number, windowMs: number): Promise<Limiter>;
}

/** What a timed limiter run needs to know. */
export interface LimiterRunSettings {
  limit: number;
  windowMs: number;
  users: number;
}

/**
 * rate-limiter-flexible's `consume` as an outcome: it rejects with a `RateLimiterRes` (not
 * an Error) when the key is over its limit.
 */
export function flexibleIsAllowed(consume: (key: string) => Promise<unknown>) {
  return (key: string): Promise<boolean> =>
    consume(key).then(
      () => true,
      (rejection: unknown) => {
        if (rejection instanceof Error) throw rejection;
        return false;
      },
    );
}

/** A limiter that never says no would win for the wrong reason. */
export async function checkItLimits(contender: LimiterContender, windowMs: number): Promise<void> {
  const limiter = await contender.build(3, windowMs);
  const outcomes: boolean[] = [];
  for (let call = 0; call < 4; call++) outcomes.push(await limiter.isAllowed('probe'));
  await limiter.dispose?.();
  if (outcomes.join() !== 'true,true,true,false') {
    throw new Error(`with limit 3, four calls were allowed: ${outcomes.join(', ')}`);
  }
}

/** Cycles through the users so that every contender sees the same key sequence. */
export function keyCycle(users: number): () => string {
  const keys = Array.from({ length: users }, (_, i) => `user-${i}`);
  let next = 0;
  return () => keys[next++ % users];
}

/**
 * A contender whose timed operation is one decision awaited, or with `inFlight` > 1 that
 * many decisions started together and awaited together.
 */
export function timedLimiter(
  contender: LimiterContender,
  settings: LimiterRunSettings,
  inFlight = 1,
): TimedContender {
  return {
    name: contender.name,
    description: contender.description,
    prepare: async () => {
      await checkItLimits(contender, settings.windowMs);
      const limiter = await contender.build(settings.limit, settings.windowMs);
      const nextKey = keyCycle(settings.users);
      const batch = Array.from({ length: inFlight });
      const run =
        inFlight === 1
          ? () => limiter.consume(nextKey())
          : () => Promise.all(batch.map(() => limiter.consume(nextKey())));
      return { run, dispose: () => limiter.dispose?.() };
    },
  };
}
