import type { INestApplication, Type } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';

/** The HTTP platforms every controller test runs on. */
export type AdapterFactory = () => ExpressAdapter | FastifyAdapter;

export const adapters: readonly (readonly [string, AdapterFactory])[] = [
  ['express', () => new ExpressAdapter()],
  ['fastify', () => new FastifyAdapter()],
];

/** Builds and starts an app on a loopback port with the given root module and platform. */
export async function startApp(
  rootModule: Type<unknown>,
  adapter: AdapterFactory,
  /** Configures the app before it starts (e.g. Express settings). */
  configure: (app: INestApplication) => void = () => {},
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [rootModule] }).compile();
  const app = moduleRef.createNestApplication(adapter(), {
    logger: process.env.TEST_LOGS ? undefined : false,
  });
  configure(app);
  await app.init();
  if (app.getHttpAdapter().getType() === 'fastify') {
    await (app as NestFastifyApplication).getHttpAdapter().getInstance().ready();
  }
  return app;
}
