import type { Clock, TimerHandle } from '../core/clock/index.js';
import type { DegradationLevel } from './degradation-level.js';
import type { DegradationAssessment } from './degradation-rules.js';

/** A level set by hand, in force until cleared or until `expiresAt`. */
export interface DegradationOverride {
  level: DegradationLevel;
  reason: string;
  setAt: number;
  expiresAt?: number;
}

/** Why the effective level changed. */
export type LevelChangeSource = 'rules' | 'override' | 'override_cleared' | 'override_expired';

/** A change of the effective level. */
export interface DegradationLevelChange {
  from: DegradationLevel;
  to: DegradationLevel;
  source: LevelChangeSource;
  /** The override's reason, or the rules that apply. */
  reason: string;
}

/** What an override did. */
export interface DegradationOverrideEvent {
  action: 'set' | 'cleared' | 'expired';
  override: DegradationOverride;
}

/** Who hears about changes. */
export interface DegradationListener {
  levelChanged(change: DegradationLevelChange): void;
  overrideChanged(event: DegradationOverrideEvent): void;
}

/**
 * The effective level: a manual override while one is in force, else what the rules
 * computed. An override's expiry is timed on the clock, and also checked on every read,
 * so a late timer never leaves an expired override in force.
 */
export class DegradationState {
  private assessment: DegradationAssessment = { level: 'NORMAL', reasons: [] };
  private manual?: DegradationOverride;
  private timer?: TimerHandle;

  constructor(
    private readonly clock: Clock,
    private readonly listener: DegradationListener,
  ) {}

  get level(): DegradationLevel {
    return this.override?.level ?? this.assessment.level;
  }

  /** What the rules say, override or not. */
  get computed(): DegradationAssessment {
    return this.assessment;
  }

  get override(): DegradationOverride | undefined {
    this.expireIfDue();
    return this.manual && { ...this.manual };
  }

  /** Takes the rules' latest verdict. */
  update(assessment: DegradationAssessment): void {
    this.expireIfDue();
    this.changeLevel(
      () => (this.assessment = assessment),
      'rules',
      () => this.rulesReason(),
    );
  }

  setOverride(level: DegradationLevel, reason: string, expiresInMs?: number): DegradationOverride {
    this.expireIfDue();
    const now = this.clock.now();
    const override: DegradationOverride = {
      level,
      reason,
      setAt: now,
      ...(expiresInMs === undefined ? {} : { expiresAt: now + expiresInMs }),
    };
    this.changeLevel(
      () => this.replaceOverride(override),
      'override',
      () => reason,
    );
    if (expiresInMs !== undefined) {
      this.timer = this.clock.setTimeout(() => this.expireIfDue(), expiresInMs, { unref: true });
    }
    this.listener.overrideChanged({ action: 'set', override });
    return override;
  }

  /** Removes the override; `false` when there was none. */
  clearOverride(): boolean {
    const override = this.override;
    if (!override) return false;
    this.changeLevel(
      () => this.replaceOverride(undefined),
      'override_cleared',
      () => this.rulesReason(),
    );
    this.listener.overrideChanged({ action: 'cleared', override });
    return true;
  }

  /** Stops the expiry timer (the app is shutting down). */
  dispose(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private expireIfDue(): void {
    const override = this.manual;
    if (override?.expiresAt === undefined || this.clock.now() < override.expiresAt) return;
    this.changeLevel(
      () => this.replaceOverride(undefined),
      'override_expired',
      () => this.rulesReason(),
    );
    this.listener.overrideChanged({ action: 'expired', override });
  }

  private replaceOverride(next: DegradationOverride | undefined): void {
    this.dispose();
    this.manual = next;
  }

  private changeLevel(apply: () => void, source: LevelChangeSource, reason: () => string): void {
    const from = this.manual?.level ?? this.assessment.level;
    apply();
    const to = this.manual?.level ?? this.assessment.level;
    if (from !== to) this.listener.levelChanged({ from, to, source, reason: reason() });
  }

  private rulesReason(): string {
    return this.assessment.reasons.join('; ') || 'no failing dependency or breaker';
  }
}
