import { canRepeat, repeatCalls } from './repeat-calls.js';
import type { RecoveryRequest, RecoveryStrategy } from './recovery-strategy.js';
import { recoveryCalls, type RecoveryRetrySettings } from './retry-settings.js';

/**
 * Calls again at once, up to `defaults.retry.maxAttempts − 1` times: for glitches (a reset
 * connection, a lost race) that a second call gets past.
 */
export class RetryStrategy implements RecoveryStrategy {
  readonly name = 'retry' as const;

  constructor(private readonly settings: RecoveryRetrySettings) {}

  applicable(request: RecoveryRequest): boolean {
    return canRepeat(request);
  }

  run<T>(request: RecoveryRequest<T>): Promise<T> {
    return repeatCalls(request, this.name, recoveryCalls(this.settings));
  }
}
