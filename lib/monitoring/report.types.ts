import type { CircuitState, RateLimitAlgorithm } from '../core/index.js';
import type { Alert } from './alert.types.js';

/** One recovery attempt, as given to {@link ResilienceMonitor.recordRecoveryAttempt}. */
export interface RecoveryRecord {
  /** What failed: a dependency, a breaker or a method name. */
  service: string;
  /** The error's type, e.g. `TimeoutError`. */
  errorType: string;
  /** Its category (`timeout`, `connection` ...); defaults to `unknown`. */
  category?: string;
  /** What was tried: `retry`, `fallback`, `circuit_break`, `self_heal` ... */
  strategy: string;
  success: boolean;
  /** From the failure to the outcome, when known. */
  recoveryTimeMs?: number;
  /** Anything worth keeping with it (operation, ids); shown in reports. */
  context?: Record<string, unknown>;
  /** When it ended; default now. */
  at?: number;
}

/** Errors of one service and category, this window against the one before. */
export interface ErrorTrend {
  service: string;
  category: string;
  count: number;
  perMinute: number;
  previousPerMinute: number;
  direction: 'new' | 'rising' | 'falling' | 'stable';
}

/** One of the most frequent errors. */
export interface TopError {
  service: string;
  category: string;
  errorType: string;
  count: number;
  /** Share of all errors of the period, 0–1. */
  share: number;
}

/** How well one recovery strategy worked. */
export interface StrategyEffectiveness {
  strategy: string;
  attempts: number;
  successes: number;
  /** 0–1. */
  successRate: number;
  /** Over the attempts that reported a time; null when none did. */
  averageRecoveryTimeMs: number | null;
  /** The error categories it was used for. */
  categories: string[];
}

/** An observation with a plain recommendation. */
export interface Insight {
  severity: 'info' | 'warning' | 'critical';
  subject: string;
  observation: string;
  recommendation: string;
  /** `observation: recommendation`, ready to print. */
  text: string;
}

/** A breaker in a report. */
export interface BreakerReport {
  name: string;
  state: CircuitState;
  failureRate: number;
  healthScore: number;
  /** Times it opened during the period. */
  opens: number;
}

/** A limiter in a report (counts since it was created). */
export interface LimiterReport {
  name: string;
  algorithm: RateLimitAlgorithm;
  allowed: number;
  limited: number;
  /** `limited / (allowed + limited)`, 0–1. */
  limitedShare: number;
}

/** The reliability report: scheduled (default hourly) and on demand. */
export interface ReliabilityReport {
  generatedAt: number;
  period: { from: number; to: number };
  /** 0–100: mean breaker health, lowered by active alerts. */
  healthScore: number;
  summary: {
    errors: number;
    errorsPerMinute: number;
    recoveryAttempts: number;
    recoverySuccessRate: number | null;
    averageRecoveryTimeMs: number | null;
    breakerOpens: number;
    openBreakers: string[];
    activeAlerts: number;
  };
  breakers: BreakerReport[];
  limiters: LimiterReport[];
  errors: { trends: ErrorTrend[]; top: TopError[] };
  recovery: { byStrategy: StrategyEffectiveness[]; recentFailures: RecoveryRecord[] };
  alerts: { active: Alert[]; raised: Alert[] };
  insights: Insight[];
}
