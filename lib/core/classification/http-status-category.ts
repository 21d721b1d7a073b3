import type { CategoryMatch } from './category-defaults.js';

/**
 * The category of an HTTP status: 408 and 504 are timeouts, other 5xx server errors;
 * 400, 413 and 422 (and any other 4xx not named here) are the caller's mistake.
 */
export function categoryOfStatus(status: number): CategoryMatch | undefined {
  switch (status) {
    case 401:
      return { category: 'authentication' };
    case 403:
      return { category: 'authorization' };
    case 404:
    case 410:
      return { category: 'not_found' };
    case 408:
    case 504:
      return { category: 'timeout' };
    case 429:
      return { category: 'rate_limit' };
  }
  if (status >= 500 && status < 600) return { category: 'server_error' };
  if (status >= 400 && status < 500) return { category: 'validation' };
  return undefined;
}
