import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  FAILED_WORK_SINK,
  RECOVERY_CLOCK,
  RECOVERY_RANDOM,
  ResilienceModule,
  TestClock,
  type FailedWork,
  type ResilienceModuleOptions,
} from 'nestjs-bulwark';
import { seededRandom } from '../../../lib/core/chaos/seeded-random.js';

/** What reached the failed-work sink. */
export type SunkWork = { message: FailedWork; error: unknown };

/**
 * An app with the resilience module on a test clock, a seeded random source and a
 * recording failed-work sink (no HTTP listener unless `listen`).
 */
export async function recoveryApp(
  options: ResilienceModuleOptions = {},
  setup: { clock?: TestClock; seed?: number } = {},
): Promise<{ app: INestApplication; clock: TestClock; sunk: SunkWork[] }> {
  const clock = setup.clock ?? new TestClock(1_000_000);
  const sunk: SunkWork[] = [];
  const moduleRef = await Test.createTestingModule({
    imports: [ResilienceModule.forRoot({ configFile: false, ...options })],
  })
    .overrideProvider(RECOVERY_CLOCK)
    .useValue(clock)
    .overrideProvider(RECOVERY_RANDOM)
    .useValue(seededRandom(setup.seed ?? 11))
    .overrideProvider(FAILED_WORK_SINK)
    .useValue({ add: (message: FailedWork, error: unknown) => void sunk.push({ message, error }) })
    .compile();
  const app = moduleRef.createNestApplication({
    logger: process.env.TEST_LOGS ? undefined : false,
  });
  await app.init();
  return { app, clock, sunk };
}
