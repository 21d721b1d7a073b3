import type { CategoryMatch } from './category-defaults.js';

const timeout: CategoryMatch = { category: 'timeout' };
const connection: CategoryMatch = { category: 'connection' };
const exhausted: CategoryMatch = { category: 'resource_exhaustion' };
const validation: CategoryMatch = { category: 'validation' };

/**
 * Node's system and library error codes (net, dns, fs, undici, workers) and the ones
 * HTTP clients set (axios `ECONNABORTED` is its timeout).
 */
export const NODE_ERROR_CODES: Readonly<Record<string, CategoryMatch>> = {
  ETIMEDOUT: timeout,
  ECONNABORTED: timeout,
  ESOCKETTIMEDOUT: timeout,
  ABORT_ERR: timeout,
  ERR_SOCKET_CONNECTION_TIMEOUT: timeout,
  UND_ERR_CONNECT_TIMEOUT: timeout,
  UND_ERR_HEADERS_TIMEOUT: timeout,
  UND_ERR_BODY_TIMEOUT: timeout,
  ECONNREFUSED: connection,
  ECONNRESET: connection,
  ENOTFOUND: connection,
  EAI_AGAIN: connection,
  EPIPE: connection,
  EHOSTUNREACH: connection,
  EHOSTDOWN: connection,
  ENETUNREACH: connection,
  ENETDOWN: connection,
  ENOTCONN: connection,
  UND_ERR_SOCKET: connection,
  UND_ERR_CLOSED: connection,
  ERR_STREAM_PREMATURE_CLOSE: connection,
  ERR_HTTP2_STREAM_ERROR: connection,
  EMFILE: exhausted,
  ENFILE: exhausted,
  ENOMEM: { category: 'resource_exhaustion', retryable: false },
  ENOSPC: { category: 'resource_exhaustion', retryable: false },
  ERR_WORKER_OUT_OF_MEMORY: { category: 'resource_exhaustion', retryable: false },
  EACCES: { category: 'authorization' },
  EPERM: { category: 'authorization' },
  ENOENT: { category: 'not_found' },
  ERR_INVALID_ARG_TYPE: validation,
  ERR_INVALID_ARG_VALUE: validation,
  ERR_INVALID_URL: validation,
  ERR_OUT_OF_RANGE: validation,
  ERR_MODULE_NOT_FOUND: { category: 'configuration' },
};
