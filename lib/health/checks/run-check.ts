import type { Clock } from '../../core/clock/index.js';
import type { ResolvedDependency } from '../dependency-options.js';
import type { CheckRecord } from '../dependency-status.js';
import { describeCheckError, httpCheck, type CheckVerdict } from './http-check.js';

/**
 * Runs one check of `dependency` within its `timeoutMs`: the signal handed to fetch or to
 * the custom check is aborted on timeout and when `stop` aborts (the app shutting down),
 * and the check counts as failed then even if the function ignores its signal.
 */
export async function runCheck(
  dependency: ResolvedDependency,
  clock: Clock,
  stop?: AbortSignal,
): Promise<CheckRecord> {
  const at = clock.now();
  const { timeoutMs } = dependency.healthCheck;
  const controller = new AbortController();
  const timedOut = new Error(`timed out after ${timeoutMs} ms`);
  const timer = clock.setTimeout(() => controller.abort(timedOut), timeoutMs, { unref: true });
  const onStop = () => controller.abort(new Error('stopped: the application is shutting down'));
  stop?.addEventListener('abort', onStop, { once: true });
  try {
    const verdict = await Promise.race([
      verdictOf(dependency, controller.signal),
      rejectOnAbort(controller.signal),
    ]);
    return { at, responseTimeMs: clock.now() - at, ...verdict };
  } catch (error) {
    const reason = controller.signal.aborted ? controller.signal.reason : error;
    return { at, ok: false, responseTimeMs: clock.now() - at, error: describeCheckError(reason) };
  } finally {
    clock.clearTimeout(timer);
    stop?.removeEventListener('abort', onStop);
    controller.abort();
  }
}

async function verdictOf(
  dependency: ResolvedDependency,
  signal: AbortSignal,
): Promise<CheckVerdict> {
  const { check } = dependency.healthCheck;
  if (!check) return httpCheck(dependency.healthCheck, signal);
  const result: unknown = await check({ signal });
  return result === false ? { ok: false, error: 'check returned false' } : { ok: true };
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
