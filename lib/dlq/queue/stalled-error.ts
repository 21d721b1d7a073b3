import type { DeadLetterErrorInfo } from './dead-letter.types.js';

/** The name of the last error of a message exhausted because its claims kept running out. */
export const STALLED_ERROR_NAME = 'DeadLetterStalledError';

/**
 * The last error of a message whose claim ran out unsettled more than `maxStalledCount`
 * times: its handler runs kill or hang their process (a poison message).
 */
export function stalledErrorInfo(maxStalledCount: number): DeadLetterErrorInfo {
  return {
    name: STALLED_ERROR_NAME,
    message: `its claim ran out unsettled more than maxStalledCount (${maxStalledCount}) time(s): a handler run killed or hung its process`,
  };
}
