import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ResilienceModule } from 'nestjs-bulwark';
import type { AdapterFactory } from '../../support/adapters.js';

export const ADMIN_KEY = 'health-admin-key';

type ModuleOptions = NonNullable<Parameters<typeof ResilienceModule.forRoot>[0]>;

/**
 * Starts an app with the resilience module (admin key set) plus the given providers and
 * controllers; `overrides` replace providers wherever they are defined (the module's own too).
 */
export async function startHealthApp(
  adapter: AdapterFactory,
  options: ModuleOptions = {},
  extra: Pick<ModuleMetadata, 'providers' | 'controllers'> = {},
  overrides: [token: symbol, value: unknown][] = [],
): Promise<INestApplication> {
  @Module({
    imports: [
      ResilienceModule.forRoot({ configFile: false, admin: { apiKey: ADMIN_KEY }, ...options }),
    ],
    providers: extra.providers ?? [],
    controllers: extra.controllers ?? [],
  })
  class HealthTestModule {}
  let builder = Test.createTestingModule({ imports: [HealthTestModule] });
  for (const [token, value] of overrides) builder = builder.overrideProvider(token).useValue(value);
  const app = (await builder.compile()).createNestApplication(adapter(), {
    logger: process.env.TEST_LOGS ? undefined : false,
  });
  await app.init();
  if (app.getHttpAdapter().getType() === 'fastify') {
    await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
  }
  return app;
}
