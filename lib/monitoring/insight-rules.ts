import { describeDuration } from './describe-duration.js';
import type { RecoveryTally } from './error-analytics.js';
import type { MonitorSettings } from './monitor-settings.js';
import type { ErrorTrend, Insight, LimiterReport, StrategyEffectiveness } from './report.types.js';
import { MIN_ATTEMPTS_FOR_SUCCESS_RATE } from './threshold-rules.js';

/** What the insight rules read: the report's figures for one period. */
export interface InsightInput {
  periodMs: number;
  opens: Map<string, number>;
  trends: ErrorTrend[];
  strategies: StrategyEffectiveness[];
  recovery: RecoveryTally;
  limiters: LimiterReport[];
  settings: MonitorSettings;
}

/** A breaker that opens this often in one period flaps: its dependency needs attention. */
export const FLAPPING_OPENS = 3;
/** A limiter refusing this share of calls (with at least 100 decisions) is worth a look. */
const LIMITED_SHARE = 0.1;

const CATEGORY_ADVICE: Record<string, string> = {
  timeout:
    "check the dependency's latency, or raise its timeout if the calls are legitimately slow",
  connection: 'check that the dependency is reachable (DNS, network, connection pool size)',
  server_error: 'check the dependency’s health; a circuit breaker keeps failures from piling up',
  rate_limit: 'slow down: honour Retry-After, or add a rate limit in front of the calls',
  resource_exhaustion: 'raise bulkhead or pool limits, or shed load earlier',
  circuit_open: 'the breaker is shielding a failing dependency: fix the dependency',
  database: 'check the database (locks, connections, slow queries)',
};

const insight = (
  severity: Insight['severity'],
  subject: string,
  observation: string,
  recommendation: string,
): Insight => ({
  severity,
  subject,
  observation,
  recommendation,
  text: `${observation}: ${recommendation}`,
});

const percent = (ratio: number): string => `${Math.round(ratio * 100)} %`;

/** Plain recommendations from a period's figures, most severe first. */
export function insightsFor(input: InsightInput): Insight[] {
  const period = describeDuration(input.periodMs);
  const found: Insight[] = [];
  for (const [name, opens] of input.opens) {
    if (opens < FLAPPING_OPENS) continue;
    found.push(
      insight(
        opens >= FLAPPING_OPENS * 3 ? 'critical' : 'warning',
        name,
        `breaker \`${name}\` opened ${opens} times in ${period}`,
        'raise recoveryTimeoutMs or fix the dependency',
      ),
    );
  }
  for (const trend of input.trends) {
    if (trend.direction !== 'rising' && trend.direction !== 'new') continue;
    if (trend.perMinute < 1) continue;
    const change =
      trend.direction === 'new'
        ? `appeared at ${trend.perMinute} per minute`
        : `rose from ${trend.previousPerMinute} to ${trend.perMinute} per minute`;
    found.push(
      insight(
        trend.perMinute >= input.settings.errorsPerMinuteWarning ? 'warning' : 'info',
        trend.service,
        `${trend.category} errors of \`${trend.service}\` ${change}`,
        CATEGORY_ADVICE[trend.category] ?? 'look at the logs of these errors for their cause',
      ),
    );
  }
  found.push(...strategyInsights(input));
  found.push(...recoveryTimeInsights(input));
  for (const limiter of input.limiters) {
    if (limiter.allowed + limiter.limited < 100 || limiter.limitedShare < LIMITED_SHARE) continue;
    found.push(
      insight(
        'info',
        limiter.name,
        `limiter \`${limiter.name}\` refused ${percent(limiter.limitedShare)} of ${limiter.allowed + limiter.limited} calls`,
        'raise its limit if the dependency can take more, or ask clients to slow down',
      ),
    );
  }
  const order = { critical: 0, warning: 1, info: 2 };
  return found.sort((a, b) => order[a.severity] - order[b.severity]);
}

function strategyInsights({ strategies, settings }: InsightInput): Insight[] {
  const best = strategies.find((s) => s.attempts >= MIN_ATTEMPTS_FOR_SUCCESS_RATE);
  return strategies
    .filter(
      (s) =>
        s.attempts >= MIN_ATTEMPTS_FOR_SUCCESS_RATE && s.successRate < settings.successRateWarning,
    )
    .map((s) => {
      const better = best && best !== s && best.successRate > s.successRate ? best : undefined;
      return insight(
        s.successRate < settings.successRateCritical ? 'critical' : 'warning',
        s.strategy,
        `strategy \`${s.strategy}\` recovered ${s.successes} of ${s.attempts} attempts (${percent(s.successRate)})`,
        better
          ? `prefer \`${better.strategy}\` (${percent(better.successRate)}) for ${s.categories.join(', ')} errors`
          : 'the errors it meets are not transient: add a fallback or a circuit breaker',
      );
    });
}

function recoveryTimeInsights({ recovery, settings }: InsightInput): Insight[] {
  if (recovery.timed === 0) return [];
  const average = recovery.totalMs / recovery.timed;
  if (average < settings.recoveryTimeWarningMs) return [];
  return [
    insight(
      average >= settings.recoveryTimeCriticalMs ? 'critical' : 'warning',
      'recovery',
      `recovery takes ${(average / 1000).toFixed(1)} s on average`,
      'shorten retry delays, or fail over to a fallback sooner',
    ),
  ];
}
