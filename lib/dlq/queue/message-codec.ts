import type { DeadLetterRecord } from '../../store/index.js';
import type {
  DeadLetterErrorInfo,
  DeadLetterMessage,
  DeadLetterRetryOptions,
} from './dead-letter.types.js';
import { STALLED_ERROR_NAME } from './stalled-error.js';

/** What the store keeps as the message's body, as JSON text. */
export interface DeadLetterBody {
  payload: unknown;
  error: DeadLetterErrorInfo;
  /** Only the options given to `add`; the handler's and the module's fill the rest. */
  options: DeadLetterRetryOptions;
}

/** An error (or anything thrown) as name, message and stack. */
export function errorInfo(error: unknown): DeadLetterErrorInfo {
  if (error instanceof Error) {
    const info: DeadLetterErrorInfo = { name: error.name, message: error.message };
    if (error.stack !== undefined) info.stack = error.stack;
    return info;
  }
  return { name: 'Error', message: typeof error === 'string' ? error : safeString(error) };
}

export function encodeBody(body: DeadLetterBody): string {
  return JSON.stringify(body);
}

export function decodeBody(record: DeadLetterRecord): DeadLetterBody {
  return JSON.parse(record.body) as DeadLetterBody;
}

/** The public view of a stored message, with the effective `maxRetries`. */
export function messageOf<P>(record: DeadLetterRecord, maxRetries: number): DeadLetterMessage<P> {
  const { payload, error } = decodeBody(record);
  const { id, type, status, attempts, stalls, firstFailedAt, lastFailedAt } = record;
  const message: DeadLetterMessage<P> = {
    id,
    type,
    payload: payload as P,
    error,
    status,
    attempts,
    maxRetries,
    stalls,
    firstFailedAt,
    lastFailedAt,
  };
  if (record.lastError !== undefined) message.lastError = JSON.parse(record.lastError);
  if (record.nextRetryAt !== undefined) message.nextRetryAt = record.nextRetryAt;
  if (record.leaseUntil !== undefined) message.leaseUntil = record.leaseUntil;
  if (record.settledAt !== undefined) message.settledAt = record.settledAt;
  if (status === 'exhausted') message.exhaustedReason = exhaustedReason(message);
  return message;
}

function exhaustedReason(message: DeadLetterMessage<unknown>): string {
  const last = message.lastError ?? message.error;
  if (last.name === STALLED_ERROR_NAME) return `stalled ${message.stalls} time(s); ${last.message}`;
  return `${message.attempts} handler run(s) failed (maxRetries ${message.maxRetries}); last error ${last.name}: ${last.message}`;
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
