import { ownEntry } from './own-entry.js';
import type { CategoryMatch } from './category-defaults.js';
import type { ErrorFacts } from './error-facts.js';

const connection: CategoryMatch = { category: 'connection' };
const transientDatabase: CategoryMatch = {
  category: 'database',
  retryable: true,
  suggestedStrategy: 'retry',
};

/** MongoDB server error codes (`MongoServerError.code`). */
const MONGO_CODES: Readonly<Record<number, CategoryMatch>> = {
  2: { category: 'validation' }, // BadValue
  6: connection, // HostUnreachable
  7: connection, // HostNotFound
  9: { category: 'validation' }, // FailedToParse
  13: { category: 'authorization' }, // Unauthorized
  18: { category: 'authentication' }, // AuthenticationFailed
  24: transientDatabase, // LockTimeout
  50: { category: 'timeout' }, // MaxTimeMSExpired
  89: { category: 'timeout' }, // NetworkTimeout
  91: connection, // ShutdownInProgress
  112: transientDatabase, // WriteConflict
  121: { category: 'validation' }, // DocumentValidationFailure
  189: connection, // PrimarySteppedDown
  251: transientDatabase, // NoSuchTransaction
  9001: connection, // SocketException
  10107: connection, // NotWritablePrimary
  11000: { category: 'database', severity: 'MEDIUM' }, // DuplicateKey
  11600: connection, // InterruptedAtShutdown
  11602: connection, // InterruptedDueToReplStateChange
  13435: connection, // NotPrimaryNoSecondaryOk
  13436: connection, // NotPrimaryOrSecondary
  16500: { category: 'rate_limit' }, // TooManyRequests (Cosmos DB's MongoDB API)
};

/** Driver-side error classes that carry no server code. */
const MONGO_NAMES: Readonly<Record<string, CategoryMatch>> = {
  MongoNetworkTimeoutError: { category: 'timeout' },
  MongoNetworkError: connection,
  MongoServerSelectionError: connection,
  MongoTopologyClosedError: connection,
  MongoNotConnectedError: connection,
};

/** Reads errors of the MongoDB driver (their names start with `Mongo`). */
export function categoryOfMongoError(facts: ErrorFacts): CategoryMatch | undefined {
  if (!facts.name.startsWith('Mongo')) return undefined;
  const byName = ownEntry(MONGO_NAMES, facts.name);
  if (byName) return byName;
  const byCode = facts.numericCode === undefined ? undefined : MONGO_CODES[facts.numericCode];
  return byCode ?? { category: 'database' };
}
