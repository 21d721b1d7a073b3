import type { CircuitState } from '../../../lib/core/circuit-breaker/index.js';

/** The options the property test varies. */
export interface ModelConfig {
  mode: 'consecutive' | 'count' | 'time';
  failureThreshold: number;
  windowSize: number;
  minimumCalls: number;
  failureRateThreshold: number;
  slowCallDurationMs?: number;
  slowCallRateThreshold: number;
  recoveryTimeoutMs: number;
  successThreshold: number;
  maxWaitInHalfOpenMs?: number;
}

export type CallKind = 'success' | 'failure' | 'ignored';

export type ModelCallResult = { rejected: true; retryAfterMs: number } | { rejected: false };

interface Outcome {
  failed: boolean;
  slow: boolean;
  at: number;
}

/**
 * A deliberately plain reference model of the breaker (one probe at a time, calls run one
 * after another): it keeps every outcome since the last CLOSED entry in an array and
 * recomputes the window from it, instead of the ring buffers and running totals of the
 * real thing.
 */
export class BreakerModel {
  state: CircuitState = 'CLOSED';
  isolated = false;
  consecutiveFailures = 0;
  counts = { successes: 0, failures: 0, slowCalls: 0, rejected: 0, ignored: 0 };
  readonly changes: string[] = [];
  private generation = 0;
  private openedAt = 0;
  private halfOpenedAt = 0;
  private probesInFlight = 0;
  private probeSuccesses = 0;
  private outcomes: Outcome[] = [];

  constructor(private readonly config: ModelConfig) {}

  call(kind: CallKind, durationMs: number, startedAt: number): ModelCallResult {
    if (this.state !== 'CLOSED') this.refresh(startedAt);
    if (this.state === 'OPEN' || (this.state === 'HALF_OPEN' && this.probesInFlight >= 1)) {
      this.counts.rejected++;
      const retryAfterMs =
        this.state === 'OPEN' && !this.isolated
          ? Math.max(0, this.openedAt + this.config.recoveryTimeoutMs - startedAt)
          : 0;
      return { rejected: true, retryAfterMs };
    }
    const generation = this.generation;
    if (this.state === 'HALF_OPEN') this.probesInFlight++;
    this.settle(kind, durationMs, startedAt + durationMs, generation);
    return { rejected: false };
  }

  /** What reading the state does: the transitions time alone causes. */
  refresh(now: number): void {
    const { maxWaitInHalfOpenMs, recoveryTimeoutMs } = this.config;
    if (
      this.state === 'HALF_OPEN' &&
      maxWaitInHalfOpenMs !== undefined &&
      now >= this.halfOpenedAt + maxWaitInHalfOpenMs
    ) {
      this.moveTo('OPEN', 'halfOpenTimeout', this.halfOpenedAt + maxWaitInHalfOpenMs);
    }
    if (this.state === 'OPEN' && !this.isolated && now >= this.openedAt + recoveryTimeoutMs) {
      this.moveTo('HALF_OPEN', 'recoveryTimeout', now);
    }
  }

  open(now: number): void {
    if (this.state !== 'CLOSED') this.refresh(now);
    if (this.state === 'OPEN') this.openedAt = now;
    else this.moveTo('OPEN', 'manualOpen', now);
  }

  close(now: number): void {
    if (this.state !== 'CLOSED') this.refresh(now);
    if (this.state !== 'CLOSED') this.moveTo('CLOSED', 'manualClose', now);
  }

  reset(now: number): void {
    this.counts = { successes: 0, failures: 0, slowCalls: 0, rejected: 0, ignored: 0 };
    this.moveTo('CLOSED', 'reset', now);
  }

  isolate(now: number): void {
    this.isolated = true;
    if (this.state !== 'OPEN') this.moveTo('OPEN', 'isolated', now);
  }

  /** Failure and slow-call rates (percent) of the window at `now`. */
  rates(now: number): { failureRate: number; slowCallRate: number } {
    const window = this.windowAt(now);
    if (window.length === 0) return { failureRate: 0, slowCallRate: 0 };
    const failed = window.filter((o) => o.failed).length;
    const slow = window.filter((o) => o.slow).length;
    return {
      failureRate: (failed / window.length) * 100,
      slowCallRate: (slow / window.length) * 100,
    };
  }

  private settle(kind: CallKind, durationMs: number, now: number, generation: number): void {
    const { slowCallDurationMs } = this.config;
    const slow = slowCallDurationMs !== undefined && durationMs >= slowCallDurationMs;
    if (kind === 'ignored') {
      this.counts.ignored++;
      if (!this.isStale(generation, now) && this.state === 'HALF_OPEN') this.probesInFlight--;
      return;
    }
    if (kind === 'success') this.counts.successes++;
    else this.counts.failures++;
    if (slow) this.counts.slowCalls++;
    if (this.isStale(generation, now)) return;
    if (this.state === 'HALF_OPEN') {
      this.probesInFlight--;
      if (kind === 'failure') this.moveTo('OPEN', 'probeFailed', now);
      else if (slow && this.config.mode !== 'consecutive') this.moveTo('OPEN', 'slowProbe', now);
      else if (++this.probeSuccesses >= this.config.successThreshold)
        this.moveTo('CLOSED', 'probesSucceeded', now);
      return;
    }
    this.consecutiveFailures = kind === 'failure' ? this.consecutiveFailures + 1 : 0;
    this.outcomes.push({ failed: kind === 'failure', slow, at: now });
    this.judge(now);
  }

  private isStale(generation: number, now: number): boolean {
    if (this.state !== 'CLOSED') this.refresh(now);
    return generation !== this.generation;
  }

  private judge(now: number): void {
    const config = this.config;
    if (config.mode === 'consecutive') {
      if (this.consecutiveFailures >= config.failureThreshold)
        this.moveTo('OPEN', 'consecutiveFailures', now);
      return;
    }
    if (this.windowAt(now).length < config.minimumCalls) return;
    const { failureRate, slowCallRate } = this.rates(now);
    const epsilon = 1e-9;
    if (failureRate >= config.failureRateThreshold - epsilon)
      this.moveTo('OPEN', 'failureRate', now);
    else if (
      config.slowCallDurationMs !== undefined &&
      slowCallRate >= config.slowCallRateThreshold - epsilon
    ) {
      this.moveTo('OPEN', 'slowCallRate', now);
    }
  }

  private windowAt(now: number): Outcome[] {
    const { mode, windowSize } = this.config;
    if (mode === 'consecutive') return this.outcomes.slice(-100);
    if (mode === 'count') return this.outcomes.slice(-windowSize);
    const oldestSecond = Math.floor(now / 1_000) - windowSize + 1;
    return this.outcomes.filter((o) => Math.floor(o.at / 1_000) >= oldestSecond);
  }

  private moveTo(to: CircuitState, reason: string, at: number): void {
    if (to !== this.state) this.changes.push(`${this.state}>${to}:${reason}`);
    this.state = to;
    this.generation++;
    this.probesInFlight = 0;
    this.probeSuccesses = 0;
    if (to === 'OPEN') {
      this.openedAt = at;
      return;
    }
    this.isolated = false;
    if (to === 'HALF_OPEN') this.halfOpenedAt = at;
    if (to === 'CLOSED') {
      this.outcomes = [];
      this.consecutiveFailures = 0;
    }
  }
}
