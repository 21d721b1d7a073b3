import type { AlertManager } from './alert-manager.js';
import {
  effectivenessByStrategy,
  errorTrends,
  recoveryFigures,
  topErrors,
} from './analytics-queries.js';
import { addTally, type ErrorAnalytics, type RecoveryTally } from './error-analytics.js';
import { insightsFor } from './insight-rules.js';
import type { MonitorSettings } from './monitor-settings.js';
import { healthScoreOf, type MonitorSources } from './monitor-sources.js';
import type { LimiterReport, ReliabilityReport } from './report.types.js';

/** Everything a report is built from. */
export interface ReportParts {
  analytics: ErrorAnalytics;
  alerts: AlertManager;
  sources: MonitorSources;
  settings: MonitorSettings;
}

/** The reliability report of `[to - periodMs, to)`. */
export function buildReport(parts: ReportParts, to: number, periodMs: number): ReliabilityReport {
  const { analytics, alerts, sources, settings } = parts;
  const from = to - periodMs;
  const opens = analytics.openings(from, to);
  const breakers = sources.breakers();
  const limiters: LimiterReport[] = sources
    .limiters()
    .map(({ name, algorithm, allowed, limited }) => ({
      name,
      algorithm,
      allowed,
      limited,
      limitedShare: allowed + limited > 0 ? Number((limited / (allowed + limited)).toFixed(3)) : 0,
    }));
  const errorCount = analytics.errorCounts(from, to).reduce((sum, { value }) => sum + value, 0);
  const recovery = analytics
    .recoveryTallies(from, to)
    .reduce<RecoveryTally>((total, { value }) => addTally(total, value), emptyTally());
  const figures = recoveryFigures(recovery);
  const trends = errorTrends(analytics, from, to);
  const strategies = effectivenessByStrategy(analytics, from, to);
  const active = alerts.active();
  return {
    generatedAt: to,
    period: { from, to },
    healthScore: healthScoreOf(breakers, active),
    summary: {
      errors: errorCount,
      errorsPerMinute: Number((errorCount / (periodMs / 60_000)).toFixed(2)),
      recoveryAttempts: recovery.attempts,
      recoverySuccessRate: recovery.attempts > 0 ? figures.successRate : null,
      averageRecoveryTimeMs: figures.averageRecoveryTimeMs,
      breakerOpens: [...opens.values()].reduce((sum, count) => sum + count, 0),
      openBreakers: breakers.filter((b) => b.state === 'OPEN').map((b) => b.name),
      activeAlerts: active.length,
    },
    breakers: breakers.map(({ name, state, failureRate, healthScore }) => ({
      name,
      state,
      failureRate,
      healthScore,
      opens: opens.get(name) ?? 0,
    })),
    limiters,
    errors: { trends, top: topErrors(analytics, from, to) },
    recovery: {
      byStrategy: strategies,
      recentFailures: analytics
        .recentAttempts(from, to)
        .filter((a) => !a.success)
        .slice(-10),
    },
    alerts: { active, raised: alerts.raisedSince(from) },
    insights: insightsFor({ periodMs, opens, trends, strategies, recovery, limiters, settings }),
  };
}

function emptyTally(): RecoveryTally {
  return { attempts: 0, successes: 0, timed: 0, totalMs: 0 };
}
