import type { ConfigIssue } from '../core/errors/index.js';
import { OptionChecker } from '../core/validation/index.js';
import { checkKnownKeys } from '../nest/options/known-keys.js';
import { DEGRADATION_LEVELS, type DegradationLevel } from './degradation-level.js';

/** The body of `POST …/degradation/set-level`. */
export interface SetLevelRequest {
  level: DegradationLevel;
  /** Why; shown by `/health/degradation` and logged. */
  reason: string;
  /** The override ends by itself after this long; without it, it lasts until cleared. */
  expiresInMs?: number;
}

const MAX_REASON_LENGTH = 500;
/** The longest delay a Node timer honours. */
const MAX_EXPIRY_MS = 2_147_483_647;

/** The request, or every issue with it. */
export function parseSetLevelBody(
  body: unknown,
): { request: SetLevelRequest; issues?: undefined } | { issues: ConfigIssue[] } {
  const checker = new OptionChecker();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      issues: [{ path: '', message: 'must be a JSON object { level, reason, expiresInMs? }' }],
    };
  }
  const b = body as Record<string, unknown>;
  checkKnownKeys(checker, b, ['level', 'reason', 'expiresInMs']);
  if (b.level === undefined)
    checker.fail('level', `is required: one of ${DEGRADATION_LEVELS.join(', ')}`);
  checker.oneOf('level', b.level, DEGRADATION_LEVELS);
  if (
    typeof b.reason !== 'string' ||
    b.reason.trim() === '' ||
    b.reason.length > MAX_REASON_LENGTH
  ) {
    checker.fail(
      'reason',
      `is required: a non-empty string of at most ${MAX_REASON_LENGTH} characters`,
    );
  }
  checker.integerAtLeast('expiresInMs', b.expiresInMs, 1);
  if (typeof b.expiresInMs === 'number' && b.expiresInMs > MAX_EXPIRY_MS) {
    checker.fail('expiresInMs', `must be at most ${MAX_EXPIRY_MS} (about 24 days)`);
  }
  if (checker.issues.length > 0) return { issues: checker.issues };
  const request: SetLevelRequest = {
    level: b.level as DegradationLevel,
    reason: (b.reason as string).trim(),
  };
  if (b.expiresInMs !== undefined) request.expiresInMs = b.expiresInMs as number;
  return { request };
}
