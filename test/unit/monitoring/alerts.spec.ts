import { ResilienceMonitor, type Alert, type AlertChange } from 'nestjs-bulwark';
import { TestClock } from 'nestjs-bulwark/testing';

const MINUTE = 60_000;

function monitorWith(clock: TestClock, memory = { percent: 10 }) {
  const monitor = new ResilienceMonitor({
    clock,
    settings: { errorsPerMinuteWarning: 3, errorsPerMinuteCritical: 10, windowMs: MINUTE },
    sources: { memoryPercent: () => memory.percent },
  });
  const seen: [AlertChange, Alert][] = [];
  monitor.onAlert((alert, change) => seen.push([change, alert]));
  return { monitor, seen, memory };
}

const errors = (monitor: ResilienceMonitor, count: number, service = 'payments') => {
  for (let i = 0; i < count; i++)
    monitor.recordError(new Error('timeout of 500ms exceeded'), { service });
};

describe('ResilienceMonitor alerts', () => {
  it('raises once, resolves when the value is back, and stays quiet during the cooldown', async () => {
    const clock = new TestClock(1_000_000);
    const { monitor, seen } = monitorWith(clock);
    errors(monitor, 4);
    expect(seen.map(([change, a]) => [change, a.rule, a.subject, a.severity])).toEqual([
      ['raised', 'errorFrequency', 'payments', 'warning'],
    ]);
    expect(monitor.activeAlerts()).toEqual([
      expect.objectContaining({ status: 'active', value: 4, threshold: 3 }),
    ]);

    await clock.advance(2 * MINUTE);
    monitor.check();
    expect(seen.map(([change]) => change)).toEqual(['raised', 'resolved']);
    expect(monitor.activeAlerts()).toEqual([]);

    errors(monitor, 4); // 2 minutes after the raise: within the 5-minute cooldown
    monitor.check();
    expect(seen).toHaveLength(2);
    expect(monitor.activeAlerts()).toEqual([]);
    expect(monitor.suppressedAlerts).toBeGreaterThan(0);

    await clock.advance(3 * MINUTE + 1);
    errors(monitor, 4);
    expect(seen.map(([change]) => change)).toEqual(['raised', 'resolved', 'raised']);
  });

  it('escalates to critical once, and resolves only when back under the warning', async () => {
    const clock = new TestClock(1_000_000);
    const { monitor, seen } = monitorWith(clock);
    errors(monitor, 4);
    await clock.advance(1_000);
    errors(monitor, 8);
    expect(seen.map(([change, a]) => `${change}:${a.severity}`)).toEqual([
      'raised:warning',
      'escalated:critical',
    ]);
    expect(monitor.activeAlerts()).toHaveLength(1);
    await clock.advance(MINUTE + 10_000);
    monitor.check();
    expect(seen.map(([change]) => change)).toEqual(['raised', 'escalated', 'resolved']);
    expect(monitor.recentAlerts()).toEqual([expect.objectContaining({ status: 'resolved' })]);
  });

  it('an alert that worsens again within the cooldown turns critical without a new announcement', async () => {
    const clock = new TestClock(1_000_000);
    const { monitor, seen } = monitorWith(clock);
    errors(monitor, 5); // warning
    await clock.advance(30_000);
    errors(monitor, 6); // 11 in the window: critical
    await clock.advance(45_000);
    errors(monitor, 1); // the first five left the window: 7, a warning again
    expect(monitor.activeAlerts()).toEqual([expect.objectContaining({ severity: 'warning' })]);
    errors(monitor, 3); // 10: critical again, within the cooldown of the escalation
    expect(monitor.activeAlerts()).toEqual([
      expect.objectContaining({ severity: 'critical', threshold: 10, value: 10 }),
    ]);
    expect(seen.map(([change, a]) => `${change}:${a.severity}`)).toEqual([
      'raised:warning',
      'escalated:critical',
    ]);
  });

  it('watches recovery time and recovery success rate over the window', async () => {
    const clock = new TestClock(0);
    const { monitor } = monitorWith(clock);
    const attempt = (success: boolean, recoveryTimeMs: number) =>
      monitor.recordRecoveryAttempt({
        service: 'payments',
        errorType: 'TimeoutError',
        strategy: 'retry',
        success,
        recoveryTimeMs,
      });
    for (const success of [true, false, false, true]) attempt(success, 7_000);
    // 4 attempts say too little about a success rate; the time is over 5 s already.
    expect(monitor.activeAlerts().map((a) => `${a.rule}:${a.severity}`)).toEqual([
      'recoveryTime:warning',
    ]);
    attempt(false, 12_000);
    expect(
      monitor
        .activeAlerts()
        .map((a) => `${a.rule}:${a.severity}:${a.value}`)
        .sort(),
    ).toEqual(['recoveryTime:warning:8000', 'successRate:critical:0.4']);
    await clock.advance(MINUTE + 10_000);
    monitor.check();
    expect(monitor.activeAlerts()).toEqual([]);
  });

  it('follows memory usage and breaker states', () => {
    const clock = new TestClock(0);
    const { monitor, seen, memory } = monitorWith(clock);
    memory.percent = 90;
    monitor.check();
    expect(monitor.activeAlerts()).toEqual([
      expect.objectContaining({ rule: 'memoryUsage', severity: 'critical' }),
    ]);
    memory.percent = 75;
    monitor.check();
    expect(monitor.activeAlerts()).toEqual([
      expect.objectContaining({ rule: 'memoryUsage', severity: 'warning' }),
    ]);
    memory.percent = 40;
    monitor.check();

    monitor.recordBreakerState('payments', 'OPEN');
    monitor.recordBreakerState('payments', 'HALF_OPEN');
    expect(monitor.activeAlerts()).toEqual([
      expect.objectContaining({ rule: 'circuitOpen', subject: 'payments' }),
    ]);
    monitor.recordBreakerState('payments', 'CLOSED');
    expect(seen.map(([change, a]) => `${change}:${a.rule}`)).toEqual([
      'raised:memoryUsage',
      'resolved:memoryUsage',
      'raised:circuitOpen',
      'resolved:circuitOpen',
    ]);
  });

  it('treats a prediction at the alert confidence as an alert until it no longer holds', () => {
    const clock = new TestClock(0);
    let current = [
      {
        target: 'heapUsedPercent',
        kind: 'trend',
        predictedAt: 60_000,
        confidence: 0.82,
        recommendation: 'add memory',
      },
    ];
    const monitor = new ResilienceMonitor({
      clock,
      settings: { predictionAlertConfidence: 0.8 },
      sources: { memoryPercent: () => 0, predictions: () => current },
    });
    monitor.recordPrediction({ ...current[0], confidence: 0.6 });
    expect(monitor.activeAlerts()).toEqual([]);
    monitor.recordPrediction(current[0]);
    expect(monitor.activeAlerts()).toEqual([
      expect.objectContaining({
        rule: 'prediction',
        subject: 'heapUsedPercent',
        message: 'heapUsedPercent: add memory (trend, 82 % likely)',
      }),
    ]);
    monitor.check();
    expect(monitor.activeAlerts()).toHaveLength(1);
    current = [];
    monitor.check();
    expect(monitor.activeAlerts()).toEqual([]);
    expect(monitor.recentAlerts()).toEqual([expect.objectContaining({ status: 'resolved' })]);
  });

  it('a callback that throws stops neither the others nor the monitor', () => {
    const clock = new TestClock(0);
    const monitor = new ResilienceMonitor({ clock, sources: { memoryPercent: () => 0 } });
    const heard: string[] = [];
    monitor.onAlert(() => {
      throw new Error('pager down');
    });
    monitor.on('alert', ({ change }) => heard.push(change));
    monitor.recordBreakerState('search', 'OPEN');
    expect(heard).toEqual(['raised']);
    expect(monitor.activeAlerts()).toHaveLength(1);
  });
});
