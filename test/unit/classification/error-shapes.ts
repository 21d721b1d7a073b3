import { readFileSync } from 'node:fs';
import {
  BulkheadRejectedError,
  CircuitOpenError,
  PolicyTimeoutError,
  RateLimitExceededError,
  ResilienceConfigError,
  RetryExhaustedError,
  StoreUnavailableError,
  type ErrorClassification,
} from 'nestjs-bulwark';

/** An error as Node's net, dns and fs layers build them. */
export function systemError(code: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { code, errno: -1, syscall: 'connect', ...extra });
}

/** An axios error: `code`, `config`, and the upstream answer on `response`. */
export function axiosError(status: number | undefined, code: string, message: string): Error {
  const error = Object.assign(new Error(message), { name: 'AxiosError', code, isAxiosError: true });
  if (status === undefined) return error;
  return Object.assign(error, {
    response: { status, statusText: '', headers: { 'retry-after': '2' }, data: {} },
  });
}

/** node-postgres `DatabaseError`: name `error`, a SQLSTATE `code`, server `severity`. */
export function pgError(code: string, message: string): Error {
  const error = Object.assign(new Error(message), { code, severity: 'ERROR', routine: 'x' });
  error.name = 'error';
  return error;
}

/** mysql2's errors: a symbolic `code`, the server `errno` and `sqlState`. */
export function mysqlError(code: string, errno: number, message: string): Error {
  return Object.assign(new Error(message), { code, errno, sqlState: 'HY000', fatal: false });
}

/** MongoDB driver errors: the class name and, from the server, a numeric `code`. */
export function mongoError(name: string, message: string, code?: number): Error {
  const error = Object.assign(new Error(message), code === undefined ? {} : { code });
  error.name = name;
  return error;
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

type Row = [string, () => unknown, Partial<ErrorClassification>];

/** Real error shapes and what they must read as. */
export const ERROR_SHAPES: Row[] = [
  [
    'net ECONNREFUSED',
    () => systemError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
    { category: 'connection', retryable: true },
  ],
  [
    'socket hang up (ECONNRESET)',
    () => systemError('ECONNRESET', 'socket hang up'),
    { category: 'connection' },
  ],
  [
    'net ETIMEDOUT',
    () => systemError('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:443'),
    { category: 'timeout', retryable: true },
  ],
  [
    'dns ENOTFOUND',
    () => systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example'),
    { category: 'connection' },
  ],
  [
    'dns EAI_AGAIN',
    () => systemError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN api.example'),
    { category: 'connection' },
  ],
  ['write EPIPE', () => systemError('EPIPE', 'write EPIPE'), { category: 'connection' }],
  [
    'EHOSTUNREACH',
    () => systemError('EHOSTUNREACH', 'connect EHOSTUNREACH'),
    { category: 'connection' },
  ],
  [
    'EMFILE',
    () => systemError('EMFILE', 'EMFILE: too many open files, open'),
    { category: 'resource_exhaustion' },
  ],
  [
    'real fs ENOENT',
    () => thrown(() => readFileSync('/no/such/file/anywhere')),
    { category: 'not_found', retryable: false },
  ],
  [
    'undici fetch failed (cause ECONNREFUSED)',
    () =>
      new TypeError('fetch failed', { cause: systemError('ECONNREFUSED', 'connect ECONNREFUSED') }),
    { category: 'connection' },
  ],
  [
    'undici headers timeout',
    () =>
      Object.assign(new Error('Headers Timeout Error'), {
        name: 'HeadersTimeoutError',
        code: 'UND_ERR_HEADERS_TIMEOUT',
      }),
    { category: 'timeout' },
  ],
  ['AbortSignal.abort() reason', () => AbortSignal.abort().reason, { category: 'timeout' }],
  [
    'AbortSignal.timeout() reason',
    () => new DOMException('The operation was aborted due to timeout', 'TimeoutError'),
    { category: 'timeout' },
  ],
  [
    'axios timeout',
    () => axiosError(undefined, 'ECONNABORTED', 'timeout of 1000ms exceeded'),
    { category: 'timeout' },
  ],
  [
    'axios 503',
    () => axiosError(503, 'ERR_BAD_RESPONSE', 'Request failed with status code 503'),
    { category: 'server_error', retryable: true },
  ],
  [
    'axios 500',
    () => axiosError(500, 'ERR_BAD_RESPONSE', 'Request failed with status code 500'),
    { category: 'server_error' },
  ],
  [
    'axios 429',
    () => axiosError(429, 'ERR_BAD_REQUEST', 'Request failed with status code 429'),
    { category: 'rate_limit', retryable: true },
  ],
  [
    'axios 401',
    () => axiosError(401, 'ERR_BAD_REQUEST', 'Request failed with status code 401'),
    { category: 'authentication', retryable: false },
  ],
  [
    'axios 404',
    () => axiosError(404, 'ERR_BAD_REQUEST', 'Request failed with status code 404'),
    { category: 'not_found' },
  ],
  [
    'fetch wrapper 502 on response.status',
    () => Object.assign(new Error('Bad Gateway'), { response: { status: 502 } }),
    { category: 'server_error' },
  ],
  [
    'http-errors 422 on statusCode',
    () => Object.assign(new Error('Unprocessable'), { statusCode: 422 }),
    { category: 'validation', retryable: false },
  ],
  [
    'status 413',
    () => Object.assign(new Error('Payload Too Large'), { status: 413 }),
    { category: 'validation' },
  ],
  [
    'status 400',
    () => Object.assign(new Error('Bad Request'), { status: 400 }),
    { category: 'validation', severity: 'LOW' },
  ],
  [
    'status 403',
    () => Object.assign(new Error('Forbidden'), { status: 403 }),
    { category: 'authorization' },
  ],
  [
    'status 408',
    () => Object.assign(new Error('Request Timeout'), { status: 408 }),
    { category: 'timeout' },
  ],
  [
    'status 504',
    () => Object.assign(new Error('Gateway Timeout'), { status: 504 }),
    { category: 'timeout' },
  ],
  [
    'real JSON.parse SyntaxError',
    () => thrown(() => JSON.parse('{"a":')),
    { category: 'validation', retryable: false },
  ],
  [
    'real RangeError: Invalid array length',
    () => thrown(() => new Array(-1)),
    { category: 'resource_exhaustion' },
  ],
  [
    'real RangeError: Invalid string length',
    () => thrown(() => 'x'.repeat(2 ** 30)),
    { category: 'resource_exhaustion' },
  ],
  [
    'heap limit message',
    () =>
      new Error(
        'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      ),
    { category: 'resource_exhaustion', severity: 'CRITICAL' },
  ],
  [
    'worker out of memory',
    () =>
      Object.assign(
        new Error('Worker terminated due to reaching memory limit: JS heap out of memory'),
        { code: 'ERR_WORKER_OUT_OF_MEMORY' },
      ),
    { category: 'resource_exhaustion' },
  ],
  [
    'real new URL() ERR_INVALID_URL',
    () => thrown(() => new URL('not a url')),
    { category: 'validation' },
  ],
  [
    'CircuitOpenError',
    () => new CircuitOpenError('payments', 5_000),
    { category: 'circuit_open', retryable: false, suggestedStrategy: 'fallback' },
  ],
  [
    'RateLimitExceededError',
    () => new RateLimitExceededError('api', 1_000, 10),
    { category: 'rate_limit' },
  ],
  [
    'BulkheadRejectedError',
    () => new BulkheadRejectedError(4, 0),
    { category: 'resource_exhaustion', severity: 'MEDIUM', retryable: true },
  ],
  ['PolicyTimeoutError', () => new PolicyTimeoutError(2_000), { category: 'timeout' }],
  [
    'RetryExhaustedError of resets',
    () =>
      new RetryExhaustedError([
        systemError('ECONNRESET', 'reset'),
        systemError('ECONNRESET', 'reset'),
      ]),
    { category: 'connection' },
  ],
  ['StoreUnavailableError', () => new StoreUnavailableError(), { category: 'connection' }],
  [
    'ResilienceConfigError',
    () => new ResilienceConfigError([{ path: 'x', message: 'bad' }]),
    { category: 'configuration', retryable: false },
  ],
  [
    'pg deadlock 40P01',
    () => pgError('40P01', 'deadlock detected'),
    { category: 'database', retryable: true, suggestedStrategy: 'retry' },
  ],
  [
    'pg unique violation 23505',
    () => pgError('23505', 'duplicate key value violates unique constraint "users_email_key"'),
    { category: 'database', retryable: false },
  ],
  [
    'pg password 28P01',
    () => pgError('28P01', 'password authentication failed for user "app"'),
    { category: 'authentication' },
  ],
  [
    'pg statement timeout 57014',
    () => pgError('57014', 'canceling statement due to statement timeout'),
    { category: 'timeout' },
  ],
  [
    'pg too many connections 53300',
    () => pgError('53300', 'sorry, too many clients already'),
    { category: 'resource_exhaustion' },
  ],
  [
    'pg connection failure 08006',
    () => pgError('08006', 'connection failure'),
    { category: 'connection' },
  ],
  [
    'pg no such database 3D000',
    () => pgError('3D000', 'database "shop" does not exist'),
    { category: 'configuration' },
  ],
  [
    'mysql deadlock',
    () => mysqlError('ER_LOCK_DEADLOCK', 1213, 'Deadlock found when trying to get lock'),
    { category: 'database', retryable: true },
  ],
  [
    'mysql duplicate entry',
    () => mysqlError('ER_DUP_ENTRY', 1062, "Duplicate entry 'a' for key 'email'"),
    { category: 'database', retryable: false },
  ],
  [
    'mysql access denied',
    () => mysqlError('ER_ACCESS_DENIED_ERROR', 1045, "Access denied for user 'app'@'localhost'"),
    { category: 'authentication' },
  ],
  [
    'mysql connection lost',
    () =>
      mysqlError(
        'PROTOCOL_CONNECTION_LOST',
        0,
        'Connection lost: The server closed the connection.',
      ),
    { category: 'connection' },
  ],
  [
    'mysql too many connections',
    () => mysqlError('ER_CON_COUNT_ERROR', 1040, 'Too many connections'),
    { category: 'resource_exhaustion' },
  ],
  [
    'mongo duplicate key 11000',
    () => mongoError('MongoServerError', 'E11000 duplicate key error collection', 11000),
    { category: 'database', retryable: false },
  ],
  [
    'mongo MaxTimeMSExpired 50',
    () => mongoError('MongoServerError', 'operation exceeded time limit', 50),
    { category: 'timeout' },
  ],
  [
    'mongo auth failed 18',
    () => mongoError('MongoServerError', 'Authentication failed.', 18),
    { category: 'authentication' },
  ],
  [
    'mongo WriteConflict 112',
    () => mongoError('MongoServerError', 'WriteConflict', 112),
    { category: 'database', retryable: true },
  ],
  [
    'MongoNetworkError',
    () => mongoError('MongoNetworkError', 'connection 1 to 127.0.0.1:27017 closed'),
    { category: 'connection' },
  ],
  [
    'MongoServerSelectionError',
    () => mongoError('MongoServerSelectionError', 'Server selection timed out after 30000 ms'),
    { category: 'connection' },
  ],
  [
    'jsonwebtoken TokenExpiredError',
    () =>
      Object.assign(new Error('jwt expired'), {
        name: 'TokenExpiredError',
        expiredAt: new Date(0),
      }),
    { category: 'authentication' },
  ],
  [
    'ioredis closed connection',
    () => new Error('Connection is closed.'),
    { category: 'connection' },
  ],
  [
    'message: 429 Too Many Requests',
    () => new Error('Upstream answered 429 Too Many Requests'),
    { category: 'rate_limit' },
  ],
  ['message: Request timeout', () => new Error('Request timeout'), { category: 'timeout' }],
  ['thrown string', () => 'Too Many Requests', { category: 'rate_limit' }],
  [
    'plain Error',
    () => new Error('boom'),
    { category: 'unknown', retryable: true, suggestedStrategy: 'retry' },
  ],
  ['undefined thrown', () => undefined, { category: 'unknown' }],
  [
    'error with code "constructor"',
    () => Object.assign(new Error('odd'), { code: 'constructor' }),
    { category: 'unknown' },
  ],
];
