import { breakerCases } from './breaker-cases.js';
import { differentialCases } from './differential-cases.js';
import { rateLimitCases } from './rate-limit-cases.js';
import { useStore, type StoreFactory } from './store-under-test.js';
import { valueCases } from './value-cases.js';

export {
  CLOCK_START,
  newTestClock,
  type StoreFactory,
  type StoreUnderTest,
} from './store-under-test.js';

/**
 * The store contract: every `ResilienceStore` passes the same tests (algorithms on the test
 * clock, TTLs, resets, shared breakers, values), whatever keeps its state.
 */
export function storeContract(factory: StoreFactory): void {
  const get = useStore(factory);
  describe('rate limits', () => rateLimitCases(get));
  describe('rate limits against the reference algorithms', () => differentialCases(get));
  describe('shared breakers', () => breakerCases(get));
  describe('values', () => valueCases(get));
}
