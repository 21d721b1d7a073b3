import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../../../sample/app.module.js';

/** The sample app, started as its own process would start it (no listener, no logs). */
export async function startSampleApp(): Promise<{
  app: INestApplication;
  server: ReturnType<INestApplication['getHttpServer']>;
}> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return { app, server: app.getHttpServer() };
}
