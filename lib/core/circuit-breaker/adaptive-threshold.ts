import type { AdaptiveSettings } from './circuit-breaker.settings.js';

/**
 * The failure threshold in force. Without adaptive settings it stays the configured one.
 * With them, a trip within `tripWindowMs` of the previous trip tightens it by one step
 * (not below `floor`), and each `stablePeriodMs` spent CLOSED without a trip relaxes it
 * by one step (not above the configured value).
 */
export class AdaptiveThreshold {
  /** The threshold in force: a rate in percent, or a count of consecutive failures. */
  value: number;
  private lastTripAt = -Infinity;
  private stableSince = 0;

  constructor(
    private readonly configured: number,
    private readonly settings: AdaptiveSettings | undefined,
  ) {
    this.value = configured;
  }

  /** True when a stable period could relax the threshold: checked before calling `relax`. */
  get isTightened(): boolean {
    return this.value !== this.configured;
  }

  /** The breaker tripped at `now`. */
  recordTrip(now: number): void {
    const settings = this.settings;
    if (!settings) return;
    if (now - this.lastTripAt <= settings.tripWindowMs) {
      this.value = Math.max(settings.floor, roundOff(this.value - settings.step));
    }
    this.lastTripAt = now;
  }

  /** The breaker entered CLOSED at `now`: a stable period starts. */
  startStablePeriod(now: number): void {
    this.stableSince = now;
  }

  /** Relaxes one step per whole stable period elapsed since the last one counted. */
  relax(now: number): void {
    const settings = this.settings;
    if (!settings || !this.isTightened) return;
    const periods = Math.floor((now - this.stableSince) / settings.stablePeriodMs);
    if (periods <= 0) return;
    this.value = Math.min(this.configured, roundOff(this.value + periods * settings.step));
    this.stableSince += periods * settings.stablePeriodMs;
  }

  /** Forgets every trip: back to the configured threshold. */
  reset(now: number): void {
    this.value = this.configured;
    this.lastTripAt = -Infinity;
    this.stableSince = now;
  }
}

/** Keeps repeated fractional steps (e.g. 50 − 3 × 10.1) from drifting by float error. */
function roundOff(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
