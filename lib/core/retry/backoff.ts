import type { BackoffKind } from './retry.options.js';

/** What every backoff reads. Times in milliseconds. */
export interface BackoffSettings {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Growth factor of exponential backoff. */
  readonly multiplier: number;
}

/**
 * Keeps a delay within [0, maxDelayMs]. Overflow (Infinity) becomes the cap, and so does
 * NaN, which no backoff below produces but which would otherwise reach a timer as 0.
 */
export function capDelay(delayMs: number, maxDelayMs: number): number {
  if (Number.isNaN(delayMs)) return maxDelayMs;
  return Math.min(Math.max(delayMs, 0), maxDelayMs);
}

/** The same delay before every retry. */
export function fixedBackoff(settings: BackoffSettings): number {
  return capDelay(settings.baseDelayMs, settings.maxDelayMs);
}

/** `baseDelayMs × retry` before retry `retry` (1, 2, …), capped. */
export function linearBackoff(retry: number, settings: BackoffSettings): number {
  return capDelay(settings.baseDelayMs * retry, settings.maxDelayMs);
}

/** `min(baseDelayMs × multiplier^(retry−1), maxDelayMs)` before retry `retry` (1, 2, …). */
export function exponentialBackoff(retry: number, settings: BackoffSettings): number {
  // 0 × Infinity is NaN: a zero base stays zero however far the power overflows.
  if (settings.baseDelayMs === 0) return 0;
  return capDelay(settings.baseDelayMs * settings.multiplier ** (retry - 1), settings.maxDelayMs);
}

/** `baseDelayMs × F(retry)` with F = 1, 1, 2, 3, 5, 8 …, capped. */
export function fibonacciBackoff(retry: number, settings: BackoffSettings): number {
  const { baseDelayMs, maxDelayMs } = settings;
  if (baseDelayMs === 0) return 0;
  let previous = 0;
  let current = 1;
  // Stops as soon as the cap is reached, so 10,000 retries cost a few dozen steps each.
  for (let n = 1; n < retry && current * baseDelayMs < maxDelayMs; n++) {
    [previous, current] = [current, previous + current];
  }
  return capDelay(current * baseDelayMs, maxDelayMs);
}

/**
 * Decorrelated jitter (AWS Architecture Blog): a random delay between `baseDelayMs` and three
 * times the previous delay, capped. `previousDelayMs` is `baseDelayMs` before the first retry.
 */
export function decorrelatedBackoff(
  previousDelayMs: number,
  settings: BackoffSettings,
  random: () => number,
): number {
  const { baseDelayMs, maxDelayMs } = settings;
  const upper = Math.max(baseDelayMs, Math.min(previousDelayMs, maxDelayMs) * 3);
  return capDelay(baseDelayMs + random() * (upper - baseDelayMs), maxDelayMs);
}

/** The backoff delay (before jitter) of `kind` before retry `retry` (1, 2, …). */
export function backoffDelay(
  kind: BackoffKind,
  retry: number,
  previousDelayMs: number,
  settings: BackoffSettings,
  random: () => number,
): number {
  switch (kind) {
    case 'fixed':
      return fixedBackoff(settings);
    case 'linear':
      return linearBackoff(retry, settings);
    case 'exponential':
      return exponentialBackoff(retry, settings);
    case 'fibonacci':
      return fibonacciBackoff(retry, settings);
    case 'decorrelated':
      return decorrelatedBackoff(previousDelayMs, settings, random);
  }
}
