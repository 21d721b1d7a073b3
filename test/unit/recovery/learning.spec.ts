import type { RecoveryStrategyName } from 'nestjs-bulwark';
import { seededRandom } from '../../../lib/core/chaos/seeded-random.js';
import { recoveryKit } from './recovery-kit.js';

const TRUE_RATES: Partial<Record<RecoveryStrategyName, number>> = {
  retry: 0.2,
  exponential_backoff: 0.5,
  self_heal: 0.9,
};

/** Runs `runs` recoveries where each strategy's call succeeds at its true rate. */
async function learn(seed: number, runs: number) {
  const kit = recoveryKit({ seed, retry: { maxAttempts: 2, baseDelayMs: 0 } });
  kit.hooks.register('unknown', () => undefined);
  const outcome = seededRandom(seed + 1);
  const firstChoices: RecoveryStrategyName[] = [];
  for (let i = 0; i < runs; i++) {
    const result = await kit.engine.recover(new Error('flaky'), {
      serviceId: 'inventory',
      strategies: ['retry', 'exponential_backoff', 'self_heal'],
      retryFn: async ({ strategy }) => {
        if (outcome() < (TRUE_RATES[strategy] ?? 0)) return 'ok';
        throw new Error('still failing');
      },
    });
    firstChoices.push(result.tried[0] as RecoveryStrategyName);
  }
  return { kit, firstChoices };
}

describe('learning which strategy recovers (Thompson sampling, seeded)', () => {
  it.each([1, 2, 3, 42])(
    'seed %i: after 200 recoveries the best is chosen first in >= 90 %% of the last 100',
    async (seed) => {
      const { firstChoices } = await learn(seed, 200);
      const best = firstChoices.slice(100).filter((name) => name === 'self_heal').length;
      expect(best).toBeGreaterThanOrEqual(90);
    },
  );

  it('learns per (service, category) and keeps success and failure counts', async () => {
    const { kit } = await learn(5, 50);
    const table = kit.learned.table('inventory', 'unknown');
    const runs = (['retry', 'exponential_backoff', 'self_heal'] as const).map(
      (name) => (table[name]?.successes ?? 0) + (table[name]?.failures ?? 0),
    );
    expect(runs.reduce((a, b) => a + b)).toBeGreaterThanOrEqual(50);
    expect(kit.learned.table('inventory', 'timeout')).toEqual({});
    expect(kit.learned.table('billing', 'unknown')).toEqual({});
    expect(kit.totals.recoveries).toBe(50);
  });

  it('prefers the faster of two equally successful strategies', async () => {
    const kit = recoveryKit({ seed: 9, retry: { maxAttempts: 2, baseDelayMs: 0 } });
    kit.hooks.register('unknown', () => undefined);
    const firstChoices: string[] = [];
    for (let i = 0; i < 150; i++) {
      const pending = kit.engine.recover(new Error('x'), {
        serviceId: 's',
        strategies: ['retry', 'self_heal'],
        retryFn: async ({ strategy }) => {
          if (strategy === 'self_heal')
            await new Promise<void>((r) => kit.clock.setTimeout(r, 500));
          return 'ok';
        },
      });
      await kit.clock.advance(500);
      firstChoices.push((await pending).tried[0]);
    }
    expect(firstChoices.slice(50).filter((name) => name === 'retry').length).toBeGreaterThanOrEqual(
      90,
    );
  });
});
