import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import request from 'supertest';
import { RateLimit, ResilienceModule } from 'nestjs-bulwark';
import { startApp, type AdapterFactory } from './support/adapters.js';

@Controller()
class LimitedController {
  @RateLimit({ limit: 1, windowMs: 60_000 })
  @Get('limited')
  limited(): string {
    return 'ok';
  }
}

@Module({ imports: [ResilienceModule.forRoot({})], controllers: [LimitedController] })
class LimitedModule {}

/** Status codes of one request from each of the given X-Forwarded-For addresses, in order. */
async function statusesFrom(app: INestApplication, forwardedFor: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const address of forwardedFor) {
    const response = await request(app.getHttpServer())
      .get('/limited')
      .set('X-Forwarded-For', address);
    statuses.push(response.status);
  }
  return statuses;
}

const platforms: readonly (readonly [
  string,
  AdapterFactory,
  AdapterFactory,
  (app: INestApplication) => void,
])[] = [
  [
    'express',
    () => new ExpressAdapter(),
    () => new ExpressAdapter(),
    (app) => (app as NestExpressApplication).set('trust proxy', true),
  ],
  ['fastify', () => new FastifyAdapter(), () => new FastifyAdapter({ trustProxy: true }), () => {}],
];

describe.each(platforms)('the default rate-limit key on %s', (_, untrusting, trusting, trust) => {
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is the connection’s address when no proxy is trusted: X-Forwarded-For changes nothing', async () => {
    app = await startApp(LimitedModule, untrusting);
    expect(await statusesFrom(app, ['10.0.0.1', '10.0.0.2', '10.0.0.3'])).toEqual([200, 429, 429]);
  });

  it('is the forwarded client address when the app trusts its proxy', async () => {
    app = await startApp(LimitedModule, trusting, trust);
    expect(await statusesFrom(app, ['10.0.0.1', '10.0.0.2', '10.0.0.1'])).toEqual([200, 200, 429]);
  });
});
