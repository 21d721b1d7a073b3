import { Module, type INestApplication } from '@nestjs/common';
import { PredictorService, ResilienceModule, type PredictionsResponse } from 'nestjs-bulwark';
import request from 'supertest';
import { replayPaymentsIncidents } from '../../fixtures/precursor-training.js';
import { adapters, startApp } from '../support/adapters.js';

function appModule(resilience: { enabled: boolean }) {
  @Module({ imports: [ResilienceModule.forRoot({ configFile: false, http: { resilience } })] })
  class AppModule {}
  return AppModule;
}

describe.each(adapters)('GET /resilience/predictions on %s', (_name, adapter) => {
  let app: INestApplication;

  afterEach(() => app.close());

  it('answers the current predictions, learned patterns and actions as JSON', async () => {
    app = await startApp(appModule({ enabled: true }), adapter);
    replayPaymentsIncidents(app.get(PredictorService));
    const response = await request(app.getHttpServer()).get('/resilience/predictions').expect(200);
    const body = response.body as PredictionsResponse;
    expect(response.headers['content-type']).toMatch(/json/);
    expect(body.alertConfidence).toBe(0.7);
    expect(body.predictions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          target: 'payments',
          kind: 'pattern',
          recommendation: expect.any(String),
        }),
        expect.objectContaining({ target: 'process.heapUsedPercent', kind: 'anomaly' }),
      ]),
    );
    for (const prediction of body.predictions) {
      expect(prediction.confidence).toBeGreaterThanOrEqual(0);
      expect(prediction.confidence).toBeLessThanOrEqual(1);
      expect(prediction.predictedAt).toBeGreaterThan(Date.now() - 60_000);
    }
    expect(body.learnedPatterns[0]).toMatchObject({
      service: 'payments',
      seen: 5,
      followedByFailure: 5,
    });
    expect(body.preventionActions).toEqual([]);
  });

  it('is not mounted when the resilience route group is off', async () => {
    app = await startApp(appModule({ enabled: false }), adapter);
    await request(app.getHttpServer()).get('/resilience/predictions').expect(404);
  });
});
