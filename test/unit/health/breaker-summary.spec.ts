import { summarizeBreakers } from '../../../lib/health/breaker-summary.js';
import { isCriticalBreaker } from '../../../lib/health/critical-breakers.js';

describe('critical breakers', () => {
  it('match by name or by keyed group', () => {
    expect(isCriticalBreaker('payments', ['payments'])).toBe(true);
    expect(isCriticalBreaker('payments:tenant-a', ['payments'])).toBe(true);
    expect(isCriticalBreaker('payments-v2', ['payments'])).toBe(false);
    expect(isCriticalBreaker('rates', [])).toBe(false);
  });

  it('are summarised with the open and probing breakers', () => {
    const summary = summarizeBreakers(
      [
        { name: 'payments:tenant-a', state: 'OPEN' },
        { name: 'payments:tenant-b', state: 'CLOSED' },
        { name: 'rates', state: 'OPEN' },
        { name: 'geo', state: 'HALF_OPEN' },
      ],
      ['payments'],
    );
    expect(summary).toEqual({
      total: 4,
      open: ['payments:tenant-a', 'rates'],
      halfOpen: ['geo'],
      criticalOpen: ['payments:tenant-a'],
    });
  });
});
