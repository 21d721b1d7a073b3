import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DegradationService, ResilienceService, type DegradationLevelChange } from 'nestjs-bulwark';
import { adapters } from '../support/adapters.js';
import { ADMIN_KEY, startHealthApp } from './support/health-app.js';
import { waitFor } from './support/wait-for.js';

describe.each(adapters)('degradation override over HTTP (%s)', (_name, adapter) => {
  let app: INestApplication;
  let changes: DegradationLevelChange[];
  const setLevel = (body: unknown, key: string | null = ADMIN_KEY) => {
    const call = request(app.getHttpServer()).post('/admin/reliability/degradation/set-level');
    return key ? call.set('x-api-key', key).send(body as object) : call.send(body as object);
  };
  const get = (path: string) => request(app.getHttpServer()).get(path);

  beforeEach(async () => {
    app = await startHealthApp(adapter);
    changes = [];
    app.get(ResilienceService).on('degradation.levelChange', (change) => changes.push(change));
  });
  afterEach(async () => app.close());

  it('401 without the admin key, and the level is unchanged', async () => {
    await setLevel({ level: 'CRITICAL', reason: 'x' }, null).expect(401);
    await request(app.getHttpServer())
      .post('/admin/reliability/degradation/clear-override')
      .expect(401);
    expect(app.get(DegradationService).level).toBe('NORMAL');
  });

  it.each([
    [{ level: 'PANIC', reason: 'x' }, 'level: must be one of'],
    [{ reason: 'x' }, 'level: is required'],
    [{ level: 'SEVERE' }, 'reason: is required'],
    [{ level: 'SEVERE', reason: 'x', expiresInMs: -1 }, 'expiresInMs'],
    [{ level: 'SEVERE', reason: 'x', expiresInMs: 'soon' }, 'expiresInMs'],
    [{ level: 'SEVERE', reason: 'x', force: true }, 'force: unknown option'],
  ])('400 for %j', async (body, reason) => {
    const response = await setLevel(body).expect(400);
    expect(response.body.message).toContain(reason);
    expect(app.get(DegradationService).level).toBe('NORMAL');
    expect(changes).toEqual([]);
  });

  it('SEVERE fails readiness and shows the reason; clearing it restores readiness', async () => {
    const { body } = await setLevel({ level: 'SEVERE', reason: 'database failover' }).expect(200);
    expect(body).toMatchObject({
      level: 'SEVERE',
      computedLevel: 'NORMAL',
      override: { reason: 'database failover' },
    });
    const degradation = await get('/health/degradation').expect(503);
    expect(degradation.body.error.degradation).toMatchObject({
      status: 'down',
      level: 'SEVERE',
      override: { level: 'SEVERE', reason: 'database failover' },
    });
    await get('/health/ready').expect(503);
    await get('/health/live').expect(200);
    const cleared = await request(app.getHttpServer())
      .post('/admin/reliability/degradation/clear-override')
      .set('x-api-key', ADMIN_KEY)
      .expect(200);
    expect(cleared.body).toMatchObject({ cleared: true, level: 'NORMAL', override: null });
    await get('/health/ready').expect(200);
    expect(changes.map(({ from, to, source }) => [from, to, source])).toEqual([
      ['NORMAL', 'SEVERE', 'override'],
      ['SEVERE', 'NORMAL', 'override_cleared'],
    ]);
  });

  it('MODERATE is served as 200 with status degraded', async () => {
    await setLevel({ level: 'MODERATE', reason: 'shedding load' }).expect(200);
    const { body } = await get('/health/ready').expect(200);
    expect(body.status).toBe('degraded');
    expect(body.info.degradation).toMatchObject({ status: 'degraded', level: 'MODERATE' });
  });

  it('an override with expiresInMs ends by itself', async () => {
    await setLevel({ level: 'CRITICAL', reason: 'drill', expiresInMs: 150 }).expect(200);
    await get('/health/ready').expect(503);
    await waitFor(
      async () => (await get('/health/ready')).status,
      (status) => status === 200,
    );
    expect(changes.at(-1)).toMatchObject({
      from: 'CRITICAL',
      to: 'NORMAL',
      source: 'override_expired',
    });
  });
});
