import { FallbackError, RetryExhaustedError } from '../errors/index.js';
import { readingOf, type CategoryMatch } from './category-defaults.js';
import { categoryOfErrorClass } from './error-class-match.js';
import type { ErrorClassification } from './error-classification.js';
import { factsOf, type ErrorFacts } from './error-facts.js';
import { categoryOfStatus } from './http-status-category.js';
import { categoryOfMessage } from './message-patterns.js';
import { categoryOfMongoError } from './mongo-error-codes.js';
import { categoryOfMysqlCode } from './mysql-error-codes.js';
import { NODE_ERROR_CODES } from './node-error-codes.js';
import { ownEntry } from './own-entry.js';
import { categoryOfPostgresCode } from './postgres-error-codes.js';

/** How deep `cause` chains and wrappers are followed (a cycle must not loop forever). */
const MAX_DEPTH = 5;

/**
 * The built-in reading of an error, most specific evidence first: this library's error
 * classes and known names, Node codes, database codes, the HTTP status, then the message.
 * Wrappers (`RetryExhaustedError`, `FallbackError`) are read through to the error they
 * hold, and an error that says nothing is read through its `cause` (undici's
 * `TypeError: fetch failed` carries the `ECONNREFUSED` there).
 */
export function classifyError(error: unknown): ErrorClassification {
  return readingOf(matchOf(error, 0) ?? { category: 'unknown' });
}

function matchOf(error: unknown, depth: number): CategoryMatch | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const inner = wrappedError(error);
  if (inner !== undefined) return matchOf(inner, depth + 1);
  const facts = factsOf(error);
  const direct =
    categoryOfErrorClass(error, facts) ?? categoryOfCodes(facts) ?? categoryOfStatusOf(facts);
  if (direct) return direct;
  const cause = (error as { cause?: unknown } | null)?.cause;
  const fromCause = cause === undefined ? undefined : matchOf(cause, depth + 1);
  return fromCause ?? categoryOfMessage(facts.message);
}

function wrappedError(error: unknown): unknown {
  if (error instanceof RetryExhaustedError) return error.lastError;
  if (error instanceof FallbackError) return error.errors[0];
  return undefined;
}

function categoryOfCodes(facts: ErrorFacts): CategoryMatch | undefined {
  const code = facts.code;
  return (
    ownEntry(NODE_ERROR_CODES, code) ??
    categoryOfMongoError(facts) ??
    categoryOfMysqlCode(code) ??
    categoryOfPostgresCode(code)
  );
}

function categoryOfStatusOf(facts: ErrorFacts): CategoryMatch | undefined {
  return facts.status === undefined ? undefined : categoryOfStatus(facts.status);
}
