import {
  createCircuitBreaker,
  createRateLimiter,
  PolicyTimeoutError,
  ResilienceMonitor,
} from 'nestjs-bulwark';
import { TestClock, forceBreakerState } from 'nestjs-bulwark/testing';

const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('the reliability report', () => {
  const clock = new TestClock(10 * HOUR);
  const payments = createCircuitBreaker({
    name: 'payments',
    recoveryTimeoutMs: 10 * MINUTE,
    clock,
  });
  const search = createRateLimiter({
    name: 'search',
    limit: 8,
    windowMs: HOUR,
    algorithm: 'fixed-window',
    clock,
  });
  const monitor = new ResilienceMonitor({
    clock,
    sources: {
      breakers: () => [payments.stats()],
      limiters: () => [search.stats()],
      memoryPercent: () => 20,
    },
  });

  beforeAll(async () => {
    // The hour before the report: a few timeouts. The report's hour: many, and flapping.
    for (let i = 0; i < 5; i++)
      monitor.recordError(new PolicyTimeoutError(500), { service: 'payments' });
    await clock.advance(HOUR);
    for (let opening = 0; opening < 12; opening++) {
      forceBreakerState(payments, 'OPEN');
      monitor.recordBreakerState('payments', 'OPEN');
      await clock.advance(4 * MINUTE);
      monitor.recordBreakerState('payments', 'CLOSED');
      for (let i = 0; i < 10; i++)
        monitor.recordError(new PolicyTimeoutError(500), { service: 'payments' });
    }
    monitor.recordError(Object.assign(new Error('ECONNREFUSED'), { code: 'ECONNREFUSED' }), {
      service: 'ledger',
    });
    for (let i = 0; i < 10; i++) {
      monitor.recordRecoveryAttempt({
        service: 'payments',
        errorType: 'PolicyTimeoutError',
        category: 'timeout',
        strategy: 'retry',
        success: i < 3,
        recoveryTimeMs: 2_000,
        context: { attempt: i },
      });
    }
    for (let i = 0; i < 6; i++) {
      monitor.recordRecoveryAttempt({
        service: 'payments',
        errorType: 'PolicyTimeoutError',
        category: 'timeout',
        strategy: 'fallback',
        success: true,
      });
    }
    for (let i = 0; i < 100; i++) await search.consume('user').catch(() => undefined);
    forceBreakerState(payments, 'OPEN');
    monitor.recordBreakerState('payments', 'OPEN');
    await clock.advance(MINUTE);
  });

  it('sums up the period', () => {
    const report = monitor.report();
    expect(report.period).toEqual({ from: clock.now() - HOUR, to: clock.now() });
    expect(report.summary).toEqual({
      errors: 121,
      errorsPerMinute: 2.02,
      recoveryAttempts: 16,
      recoverySuccessRate: 0.563,
      averageRecoveryTimeMs: 2_000,
      breakerOpens: 13,
      openBreakers: ['payments'],
      activeAlerts: 2,
    });
    expect(report.breakers).toEqual([
      expect.objectContaining({ name: 'payments', state: 'OPEN', opens: 13 }),
    ]);
    expect(report.limiters).toEqual([
      { name: 'search', algorithm: 'fixed-window', allowed: 8, limited: 92, limitedShare: 0.92 },
    ]);
  });

  it('analyses errors: trend per service and category, and the top errors', () => {
    const { trends, top } = monitor.report().errors;
    expect(trends[0]).toEqual({
      service: 'payments',
      category: 'timeout',
      count: 120,
      perMinute: 2,
      previousPerMinute: 0.08,
      direction: 'rising',
    });
    expect(trends[1]).toMatchObject({
      service: 'ledger',
      category: 'connection',
      direction: 'new',
    });
    expect(top[0]).toEqual({
      service: 'payments',
      category: 'timeout',
      errorType: 'PolicyTimeoutError',
      count: 120,
      share: 0.992,
    });
  });

  it('rates each recovery strategy and keeps the latest failures with their context', () => {
    const { byStrategy, recentFailures } = monitor.report().recovery;
    expect(byStrategy).toEqual([
      {
        strategy: 'fallback',
        attempts: 6,
        successes: 6,
        successRate: 1,
        averageRecoveryTimeMs: null,
        categories: ['timeout'],
      },
      {
        strategy: 'retry',
        attempts: 10,
        successes: 3,
        successRate: 0.3,
        averageRecoveryTimeMs: 2_000,
        categories: ['timeout'],
      },
    ]);
    expect(recentFailures).toHaveLength(7);
    expect(recentFailures[0]).toMatchObject({
      strategy: 'retry',
      success: false,
      context: { attempt: 3 },
    });
  });

  it('gives plain recommendations, most severe first', () => {
    const texts = monitor
      .report()
      .insights.map((insight) => `${insight.severity}: ${insight.text}`);
    expect(texts).toEqual([
      'critical: breaker `payments` opened 13 times in an hour: raise recoveryTimeoutMs or fix the dependency',
      'critical: strategy `retry` recovered 3 of 10 attempts (30 %): prefer `fallback` (100 %) for timeout errors',
      "info: timeout errors of `payments` rose from 0.08 to 2 per minute: check the dependency's latency, or raise its timeout if the calls are legitimately slow",
      'info: limiter `search` refused 92 % of 100 calls: raise its limit if the dependency can take more, or ask clients to slow down',
    ]);
  });

  it('lists active alerts and those raised in the period, and reports over any period', () => {
    const report = monitor.report();
    expect(report.alerts.active.map((a) => `${a.rule}:${a.subject}`).sort()).toEqual([
      'circuitOpen:payments',
      'successRate:recovery',
    ]);
    expect(report.alerts.raised.length).toBeGreaterThanOrEqual(2);
    expect(report.healthScore).toBeLessThan(100);
    const lastThreeMinutes = monitor.report(3 * MINUTE);
    expect(lastThreeMinutes.summary.errors).toBe(11);
    expect(lastThreeMinutes.summary.breakerOpens).toBe(1);
  });

  it('keeps the scheduled report and announces it', () => {
    const heard: number[] = [];
    monitor.on('report', (report) => heard.push(report.generatedAt));
    expect(monitor.lastReport()).toBeUndefined();
    const published = monitor.publishReport();
    expect(monitor.lastReport()).toBe(published);
    expect(heard).toEqual([clock.now()]);
  });
});
