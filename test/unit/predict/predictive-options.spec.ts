import { predictorOptionsFrom } from '../../../lib/predict/predictor-options.js';
import {
  directoryWithFile,
  issueAt,
  issuesOf,
  removeTemporaryDirectories,
  resolveWith,
} from '../options/options-test-helpers.js';

afterAll(removeTemporaryDirectories);

describe('predictive options', () => {
  it('defaults every setting the predictor uses, with prevention off', () => {
    const { predictive } = resolveWith({});
    expect(predictive).toMatchObject({
      precursorWindowMs: 600_000,
      trendWindowMs: 1_800_000,
      retentionHours: 6,
      prevention: { memoryCleanup: false, lowerAdaptiveLimits: false, openBreakersEarly: false },
      thresholds: { 'process.heapUsedPercent': 90, 'system.diskUsedPercent': 95 },
    });
  });

  it('turns hours and the sample interval into the predictor’s bounds', () => {
    const options = resolveWith({
      predictive: { retentionHours: 1, sampleIntervalMs: 10_000, predictionWindowHours: 3 },
    });
    expect(predictorOptionsFrom(options)).toMatchObject({
      retentionMs: 3_600_000,
      maxSamplesPerMetric: 360,
      predictionWindowMs: 10_800_000,
    });
    const long = resolveWith({ predictive: { retentionHours: 1_000, sampleIntervalMs: 1_000 } });
    expect(predictorOptionsFrom(long).maxSamplesPerMetric).toBe(10_000);
  });

  it('rejects a bad window, an unknown or non-boolean prevention flag', () => {
    const issues = issuesOf({
      predictive: {
        trendWindowMs: 0,
        retentionHours: -1,
        prevention: { openBreakersEarly: 'yes', lowerAdaptiveLimit: true },
      },
    });
    expect(issueAt(issues, 'predictive.trendWindowMs').message).toMatch(/> 0/);
    expect(issueAt(issues, 'predictive.retentionHours').message).toMatch(/> 0/);
    expect(issueAt(issues, 'predictive.prevention.openBreakersEarly').message).toMatch(
      /true or false/,
    );
    expect(issueAt(issues, 'predictive.prevention.lowerAdaptiveLimit').message).toMatch(
      /did you mean 'lowerAdaptiveLimits'/,
    );
  });

  it('reads the new keys of the predictive_analysis file section, windows in seconds', () => {
    const cwd = directoryWithFile({
      predictive_analysis: {
        precursor_window: 300,
        trend_window: 900,
        retention_hours: 12,
        prevention: { memoryCleanup: true },
      },
    });
    expect(resolveWith({}, {}, cwd).predictive).toMatchObject({
      precursorWindowMs: 300_000,
      trendWindowMs: 900_000,
      retentionHours: 12,
      prevention: { memoryCleanup: true, openBreakersEarly: false },
    });
  });
});
