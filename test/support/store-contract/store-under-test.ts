import { TestClock } from '../../../lib/core/index.js';
import type { ResilienceStore } from '../../../lib/store/index.js';

/** One store as the contract sees it, fresh for each test. */
export interface StoreUnderTest {
  readonly store: ResilienceStore;
  /** The store's time source: every algorithm reads it. */
  readonly clock: TestClock;
  /**
   * Lets `ms` of store time pass: the test clock, plus real time where the store keeps real
   * TTLs (Redis expires values on its own clock).
   */
  elapse(ms: number): Promise<void>;
  /** How many rate-limit buckets the store holds. */
  bucketCount(): Promise<number>;
  /**
   * Asserts that `bucketKey`'s state is forgotten after `ms` and not before: Redis by the
   * key's TTL, memory by sweeping at the edges of that time (which moves the clock).
   */
  expectForgottenAfter(bucketKey: string, ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Creates the store of each test. */
export type StoreFactory = () => Promise<StoreUnderTest>;

/** The start of every test's clock: not aligned to any window, like real time. */
export const CLOCK_START = 1_000_250;

export function newTestClock(): TestClock {
  return new TestClock(CLOCK_START);
}

/**
 * Registers `beforeEach`/`afterEach` that give each test a fresh store and returns a
 * getter for it.
 */
export function useStore(factory: StoreFactory): () => StoreUnderTest {
  let current: StoreUnderTest | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('no store: use it inside a test');
    return current;
  };
}
