import {
  Injectable,
  Module,
  type CanActivate,
  type ExecutionContext,
  type INestApplication,
} from '@nestjs/common';
import request from 'supertest';
import { CircuitBreaker, ResilienceModule, ResilienceService } from 'nestjs-bulwark';
import { adapters, startApp } from './support/adapters.js';

@Injectable()
class Flaky {
  @CircuitBreaker({ name: 'flaky', failureThreshold: 1 })
  async fail(): Promise<never> {
    throw new Error('down');
  }
}

function appWith(admin: NonNullable<Parameters<typeof ResilienceModule.forRoot>[0]>['admin']) {
  @Module({ imports: [ResilienceModule.forRoot({ configFile: false, admin })], providers: [Flaky] })
  class AppModule {}
  return AppModule;
}

async function openFlaky(app: INestApplication): Promise<void> {
  await app
    .get(Flaky)
    .fail()
    .catch(() => undefined);
  expect(app.get(ResilienceService).breaker('flaky')?.state).toBe('OPEN');
}

@Injectable()
class HeaderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return (
      context.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers['x-role'] ===
      'ops'
    );
  }
}

describe.each(adapters)('admin authorization (%s)', (_name, adapter) => {
  let app: INestApplication;
  afterEach(async () => app.close());

  describe('with an API key', () => {
    beforeEach(async () => {
      app = await startApp(appWith({ apiKey: 's3cret' }), adapter);
      await openFlaky(app);
    });

    it('401 without a key, and nothing changes', async () => {
      await request(app.getHttpServer())
        .post('/admin/reliability/circuit-breakers/flaky/reset')
        .expect(401);
      expect(app.get(ResilienceService).breaker('flaky')?.state).toBe('OPEN');
    });

    it('401 with a wrong key', async () => {
      await request(app.getHttpServer())
        .get('/admin/reliability/circuit-breakers')
        .set('x-api-key', 'nope')
        .expect(401);
    });

    it('x-api-key lists the breakers; Bearer resets one', async () => {
      const list = await request(app.getHttpServer())
        .get('/admin/reliability/circuit-breakers')
        .set('x-api-key', 's3cret')
        .expect(200);
      expect(list.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'flaky', state: 'OPEN' })]),
      );
      await request(app.getHttpServer())
        .post('/admin/reliability/circuit-breakers/flaky/reset')
        .set('authorization', 'Bearer s3cret')
        .expect(200, { name: 'flaky', state: 'CLOSED' });
      expect(app.get(ResilienceService).breaker('flaky')?.state).toBe('CLOSED');
    });

    it('404 for an unknown breaker', async () => {
      await request(app.getHttpServer())
        .post('/admin/reliability/circuit-breakers/unknown/reset')
        .set('x-api-key', 's3cret')
        .expect(404);
    });
  });

  it("with the user's guard", async () => {
    app = await startApp(appWith({ guard: HeaderGuard }), adapter);
    await request(app.getHttpServer()).get('/admin/reliability/circuit-breakers').expect(401);
    await request(app.getHttpServer())
      .get('/admin/reliability/circuit-breakers')
      .set('x-role', 'ops')
      .expect(200);
  });

  it('without authorization configured every request gets 401, even one with a key', async () => {
    app = await startApp(appWith(undefined), adapter);
    await openFlaky(app);
    await request(app.getHttpServer())
      .post('/admin/reliability/circuit-breakers/flaky/reset')
      .expect(401);
    await request(app.getHttpServer())
      .post('/admin/reliability/circuit-breakers/flaky/reset')
      .set('x-api-key', '')
      .expect(401);
    expect(app.get(ResilienceService).breaker('flaky')?.state).toBe('OPEN');
  });
});
