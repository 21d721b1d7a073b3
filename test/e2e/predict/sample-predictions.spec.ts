import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MemoryControllerService, PredictorService } from 'nestjs-bulwark';
import request from 'supertest';
import { AppModule } from '../../../sample/app.module.js';
import { replayPaymentsIncidents } from '../../fixtures/precursor-training.js';

describe('the sample app’s predictions', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });

  afterAll(async () => app.close());

  it('lists its prediction routes', async () => {
    const { body } = await request(app.getHttpServer()).get('/').expect(200);
    expect(body.routes).toEqual(
      expect.arrayContaining([expect.stringMatching(/^GET {2}\/resilience\/predictions/)]),
    );
  });

  it('keeps the alerts it was told about, and answers the library’s view too', async () => {
    const server = app.getHttpServer();
    await request(server).get('/predictions/alerts').expect(200, []);
    replayPaymentsIncidents(app.get(PredictorService));
    const kept = await request(server).get('/predictions/alerts').expect(200);
    expect(kept.body).toContainEqual(
      expect.objectContaining({ kind: 'pattern', target: 'payments' }),
    );
    const library = await request(server).get('/resilience/predictions').expect(200);
    expect(library.body.predictions.length).toBeGreaterThan(0);
    // memoryCleanup prevention is on in the sample: the heap alert ran a cleanup.
    expect(library.body.preventionActions).toContainEqual(
      expect.objectContaining({ action: 'memoryCleanup', outcome: 'done' }),
    );
  });

  it('lets its alert log go under memory pressure', async () => {
    const memory = app.get(MemoryControllerService);
    expect(memory.getMemoryStats().cleanables).toContainEqual(
      expect.objectContaining({ name: 'sample alert log', size: expect.any(Number) }),
    );
    await memory.manualCleanup('critical');
    await request(app.getHttpServer()).get('/predictions/alerts').expect(200, []);
  });
});
