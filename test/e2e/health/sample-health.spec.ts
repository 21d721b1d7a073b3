import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../../sample/app.module.js';
import { FlakyDownstream } from '../../../sample/downstream/flaky-downstream.service.js';

const ADMIN_KEY = 'sample-admin-key';

describe('the sample app: health, dependencies and degradation', () => {
  let app: INestApplication;
  let server: ReturnType<INestApplication['getHttpServer']>;
  const setLevel = (level: string) =>
    request(server)
      .post('/admin/reliability/degradation/set-level')
      .set('x-api-key', ADMIN_KEY)
      .send({ level, reason: 'e2e' })
      .expect(200);

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    server = app.getHttpServer();
  });
  afterAll(async () => app.close());

  it('registers the simulated downstream as a dependency', async () => {
    const { body } = await request(server).get('/resilience/dependencies').expect(200);
    expect(body.dependencies).toEqual([
      expect.objectContaining({
        name: 'flaky-downstream',
        criticality: 'medium',
        checkKind: 'custom',
      }),
    ]);
    await request(server).get('/health/live').expect(200);
  });

  it('GET /downstream/health fails at the downstream failure rate', async () => {
    app.get(FlakyDownstream).configure({ failureRate: 1 });
    await request(server).get('/downstream/health').expect(503);
    app.get(FlakyDownstream).configure({ failureRate: 0 });
    await request(server).get('/downstream/health').expect(200, { status: 'ok' });
  });

  it('switches the catalog features off by level', async () => {
    await request(server)
      .get('/catalog/recommendations/u1')
      .expect(200)
      .expect(({ body }) => expect(body.source).toBe('personalised'));
    await setLevel('MODERATE');
    await request(server)
      .get('/catalog/recommendations/u1')
      .expect(200, { userId: 'u1', items: ['bestseller'], source: 'popular' });
    await request(server).get('/catalog/reviews').expect(200);
    await setLevel('SEVERE');
    await request(server).get('/catalog/reviews').expect(503);
    await request(server).get('/health/ready').expect(503);
    await request(server)
      .post('/admin/reliability/degradation/clear-override')
      .set('x-api-key', ADMIN_KEY)
      .expect(200);
    await request(server).get('/catalog/reviews').expect(200);
  });
});
