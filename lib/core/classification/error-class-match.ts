import {
  BulkheadRejectedError,
  CircuitOpenError,
  PolicyTimeoutError,
  RateLimitExceededError,
  ResilienceConfigError,
  StoreUnavailableError,
} from '../errors/index.js';
import { ownEntry } from './own-entry.js';
import type { CategoryMatch } from './category-defaults.js';
import type { ErrorFacts } from './error-facts.js';

/** Well-known error names: the platform's, JSON parsing, JWT libraries, validators. */
const ERROR_NAMES: Readonly<Record<string, CategoryMatch>> = {
  AbortError: { category: 'timeout' },
  TimeoutError: { category: 'timeout' },
  SyntaxError: { category: 'validation' },
  ValidationError: { category: 'validation' },
  TokenExpiredError: { category: 'authentication' },
  JsonWebTokenError: { category: 'authentication' },
};

const ALLOCATION_FAILURE =
  /Invalid (array|string|typed array) length|Array buffer allocation failed/i;

/** Reads this library's errors and errors known by class or name. */
export function categoryOfErrorClass(error: unknown, facts: ErrorFacts): CategoryMatch | undefined {
  if (error instanceof CircuitOpenError) return { category: 'circuit_open' };
  if (error instanceof RateLimitExceededError) return { category: 'rate_limit' };
  // A full bulkhead is back-pressure, not a host in trouble: worth waiting for.
  if (error instanceof BulkheadRejectedError) {
    return { category: 'resource_exhaustion', severity: 'MEDIUM' };
  }
  if (error instanceof PolicyTimeoutError) return { category: 'timeout' };
  if (error instanceof StoreUnavailableError) return { category: 'connection' };
  if (error instanceof ResilienceConfigError) return { category: 'configuration' };
  if (facts.name === 'RangeError' && ALLOCATION_FAILURE.test(facts.message)) {
    return { category: 'resource_exhaustion', retryable: false };
  }
  return ownEntry(ERROR_NAMES, facts.name);
}
