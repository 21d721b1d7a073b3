import type { ErrorCategory, ErrorClassification } from './error-classification.js';

type CategoryReading = Omit<ErrorClassification, 'category'>;

/**
 * How each category reads unless a more specific match says otherwise. Retryable means a
 * plain call again may succeed: an authentication failure needs a token refresh first
 * (self-healing), a validation error never succeeds unchanged.
 */
export const CATEGORY_DEFAULTS: Readonly<Record<ErrorCategory, CategoryReading>> = {
  rate_limit: { severity: 'MEDIUM', retryable: true, suggestedStrategy: 'self_heal' },
  timeout: { severity: 'MEDIUM', retryable: true, suggestedStrategy: 'retry' },
  connection: { severity: 'HIGH', retryable: true, suggestedStrategy: 'exponential_backoff' },
  authentication: { severity: 'HIGH', retryable: false, suggestedStrategy: 'self_heal' },
  authorization: { severity: 'HIGH', retryable: false, suggestedStrategy: 'fallback' },
  validation: { severity: 'LOW', retryable: false, suggestedStrategy: 'fallback' },
  not_found: { severity: 'LOW', retryable: false, suggestedStrategy: 'fallback' },
  server_error: { severity: 'HIGH', retryable: true, suggestedStrategy: 'exponential_backoff' },
  resource_exhaustion: { severity: 'CRITICAL', retryable: true, suggestedStrategy: 'self_heal' },
  configuration: { severity: 'CRITICAL', retryable: false, suggestedStrategy: 'fallback' },
  database: { severity: 'HIGH', retryable: false, suggestedStrategy: 'transaction_rollback' },
  circuit_open: { severity: 'MEDIUM', retryable: false, suggestedStrategy: 'fallback' },
  unknown: { severity: 'MEDIUM', retryable: true, suggestedStrategy: 'retry' },
};

/** A built-in match: a category, and whatever differs from that category's defaults. */
export type CategoryMatch = { category: ErrorCategory } & Partial<CategoryReading>;

/** The full classification of a match, the category's defaults filling the gaps. */
export function readingOf(match: CategoryMatch): ErrorClassification {
  return { ...CATEGORY_DEFAULTS[match.category], ...match };
}
