import { httpStatusOf } from './http-status-of.js';

/** What the built-in classification reads from an error, gathered once. */
export interface ErrorFacts {
  /** `error.name`, or the constructor's name. */
  name: string;
  message: string;
  /** A string `code` (Node, MySQL, PostgreSQL SQLSTATE), when present. */
  code?: string;
  /** A numeric `code` or `errno` (MongoDB, MySQL), when present. */
  numericCode?: number;
  /** The HTTP status on `status`, `statusCode`, `response.status` or `getStatus()`. */
  status?: number;
}

/** Reads the facts of any thrown value; strings and other primitives become a message. */
export function factsOf(error: unknown): ErrorFacts {
  if (typeof error !== 'object' || error === null) {
    return { name: typeof error, message: String(error) };
  }
  const candidate = error as {
    name?: unknown;
    message?: unknown;
    code?: unknown;
    errno?: unknown;
  };
  const code = candidate.code;
  return {
    name: typeof candidate.name === 'string' ? candidate.name : error.constructor.name,
    message: typeof candidate.message === 'string' ? candidate.message : '',
    code: typeof code === 'string' ? code : undefined,
    numericCode: numberOf(code) ?? numberOf(candidate.errno),
    status: httpStatusOf(error),
  };
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
