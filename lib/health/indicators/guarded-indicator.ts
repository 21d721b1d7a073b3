import type { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { describeCheckError } from '../checks/http-check.js';

type IndicatorData = object;

/** The part of Terminus's indicator session (not exported by Terminus) the indicators use. */
export interface IndicatorSession<Key extends string> {
  up(data?: IndicatorData): HealthIndicatorResult<Key>;
  degraded(data?: IndicatorData): HealthIndicatorResult<Key>;
  down(data?: IndicatorData): HealthIndicatorResult<Key>;
}

/**
 * Runs an indicator so that it can only report, never throw or hang: Terminus answers 500
 * for an indicator that throws anything but its own error, and puts no timeout around
 * custom indicators. A throw or a result later than `timeoutMs` reports `down` (503).
 */
export async function guardedIndicator<const Key extends string>(
  indicators: HealthIndicatorService,
  key: Key,
  timeoutMs: number,
  assess: (
    session: IndicatorSession<Key>,
  ) => Promise<HealthIndicatorResult<Key>> | HealthIndicatorResult<Key>,
): Promise<HealthIndicatorResult<Key>> {
  const session: IndicatorSession<Key> = indicators.check(key);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout of ${timeoutMs} ms exceeded`)), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(() => assess(session)), timedOut]);
  } catch (error) {
    return session.down({ message: describeCheckError(error) });
  } finally {
    clearTimeout(timer);
  }
}
