import type { ConfigIssue } from '../../core/errors/index.js';
import { OptionChecker } from '../../core/validation/index.js';
import { DEAD_LETTER_STATUSES, type DeadLetterStatus } from '../../store/index.js';
import type { DeadLetterQuery } from '../queue/index.js';

/** The most messages one `GET …/dlq` returns. */
export const MAX_LIST_LIMIT = 1_000;

/** `?limit=&type=&status=` as a query, or every issue with it. */
export function parseListQuery(
  query: Record<string, unknown>,
): { query: DeadLetterQuery; issues?: undefined } | { issues: ConfigIssue[] } {
  const checker = new OptionChecker();
  const parsed: DeadLetterQuery = {};
  for (const key of Object.keys(query)) {
    if (!['limit', 'type', 'status'].includes(key))
      checker.fail(key, 'is not a filter (limit, type, status)');
  }
  if (query.limit !== undefined) {
    const limit = Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
      checker.fail(
        'limit',
        `must be an integer from 1 to ${MAX_LIST_LIMIT}, got ${String(query.limit)}`,
      );
    } else parsed.limit = limit;
  }
  if (query.type !== undefined) {
    if (typeof query.type !== 'string' || query.type === '')
      checker.fail('type', 'must be a non-empty string');
    else parsed.type = query.type;
  }
  if (query.status !== undefined) {
    checker.oneOf('status', query.status, DEAD_LETTER_STATUSES);
    parsed.status = query.status as DeadLetterStatus;
  }
  return checker.issues.length > 0 ? { issues: checker.issues } : { query: parsed };
}
