import {
  ClassificationRules,
  classificationContextOf,
  LearnedStrategies,
  JsonValues,
  RecoveryEngine,
  RecoveryTotals,
  SelfHealingHooks,
  TestClock,
  standardStrategies,
  type RecoveryRetrySettings,
  type ServiceBreaker,
} from 'nestjs-bulwark';
import { seededRandom } from '../../../lib/core/chaos/seeded-random.js';
import { MemoryValues } from '../../../lib/store/memory/memory-values.js';

/** An engine with the built-in strategies on a test clock, a seeded bandit and a memory store. */
export function recoveryKit(
  options: {
    retry?: Partial<RecoveryRetrySettings>;
    seed?: number;
    breaker?: ServiceBreaker;
    memoryCleanup?: () => Promise<unknown>;
    restore?: (id: string) => Promise<unknown>;
  } = {},
) {
  const clock = new TestClock();
  const values = new MemoryValues(clock);
  const hooks = new SelfHealingHooks();
  const rules = new ClassificationRules();
  const learned = new LearnedStrategies(new JsonValues(values, 'recovery-learned'));
  const totals = new RecoveryTotals(new JsonValues(values, 'recovery'));
  const random = seededRandom(options.seed ?? 7);
  const retry = {
    maxAttempts: 3,
    baseDelayMs: 100,
    maxDelayMs: 10_000,
    multiplier: 2,
    jitter: 'none' as const,
    ...options.retry,
  };
  const strategies = standardStrategies({
    clock,
    hooks,
    retry,
    random,
    memoryCleanup: () => options.memoryCleanup,
    timeoutMultiplier: 1.5,
    defaultTimeoutMs: 1_000,
    baseDelayMs: retry.baseDelayMs,
    maxDelayMs: retry.maxDelayMs,
    breakerFor: () => options.breaker ?? { execute: async (fn) => fn({ attempt: 1 } as never) },
    restoreCheckpoint: options.restore ?? (async () => undefined),
  });
  const engine = new RecoveryEngine({
    strategies,
    classify: (error, context) => rules.classify(error, classificationContextOf(context)),
    learned,
    totals,
    clock,
    random,
  });
  return { clock, values, hooks, rules, learned, totals, engine, random };
}
