import type { CategoryMatch } from './category-defaults.js';

/**
 * Last resort, for errors that carry nothing but a message; the first pattern that
 * matches wins, so the more specific come first.
 */
const MESSAGE_PATTERNS: readonly [RegExp, CategoryMatch][] = [
  [/\b429\b|too many requests|rate.?limit/i, { category: 'rate_limit' }],
  [
    /heap out of memory|allocation failed|out of memory|heap limit|too many open files/i,
    { category: 'resource_exhaustion', retryable: false },
  ],
  [/circuit.*\bopen\b/i, { category: 'circuit_open' }],
  [/time(d)?[ -]?out|deadline exceeded/i, { category: 'timeout' }],
  [
    /ECONNREFUSED|ECONNRESET|socket hang up|connection (is )?(refused|reset|closed|lost|terminated)|network (error|is unreachable)|fetch failed/i,
    { category: 'connection' },
  ],
  [
    /\b401\b|unauthori[sz]ed|unauthenticated|authentication (required|failed)|(invalid|expired) token|jwt expired/i,
    { category: 'authentication' },
  ],
  [
    /\b403\b|forbidden|permission denied|access denied|not permitted/i,
    { category: 'authorization' },
  ],
  [/\b404\b|not found|no such/i, { category: 'not_found' }],
  [
    /deadlock|lock wait|serializ(ation|e) failure|could not serialize/i,
    { category: 'database', retryable: true, suggestedStrategy: 'retry' },
  ],
  [
    /duplicate key|unique constraint|foreign key|SQL|database|relation .* does not exist/i,
    { category: 'database' },
  ],
  [
    /\b5\d\d\b|internal server error|bad gateway|service unavailable/i,
    { category: 'server_error' },
  ],
  [
    /misconfigur|not configured|missing (config|configuration|setting|environment)/i,
    { category: 'configuration' },
  ],
  [/\b(400|413|422)\b|invalid|validation|malformed|must be|required/i, { category: 'validation' }],
];

/** The category a message suggests, if any. */
export function categoryOfMessage(message: string): CategoryMatch | undefined {
  if (!message) return undefined;
  for (const [pattern, match] of MESSAGE_PATTERNS) if (pattern.test(message)) return match;
  return undefined;
}
