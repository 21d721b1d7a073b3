import { Injectable, type INestApplication } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Test } from '@nestjs/testing';
import { Registry } from 'prom-client';
import request from 'supertest';
import {
  DeadLetterHandler,
  DeadLetterQueueService,
  ResilienceModule,
  RESILIENCE_STORE,
  ResilienceService,
  type ResilienceModuleOptions,
  type ResilienceStore,
} from 'nestjs-bulwark';

const KEY = 'dlq-admin-key';

@Injectable()
class OrderNotifier {
  readonly sent: string[] = [];
  failing = false;

  @DeadLetterHandler('order.notification', { maxRetries: 2, baseDelayMs: 10 })
  resend(payload: { orderId: string }): void {
    if (this.failing) throw new Error('mail relay down');
    this.sent.push(payload.orderId);
  }
}

@Injectable()
class DuplicateNotifier {
  @DeadLetterHandler('order.notification')
  resend(): void {}
}

async function start(providers: unknown[] = [OrderNotifier], extra: ResilienceModuleOptions = {}) {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ResilienceModule.forRoot({
        configFile: false,
        admin: { apiKey: KEY },
        metrics: { registry: new Registry() },
        ...extra,
      }),
    ],
    providers: providers as never[],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('the dead-letter queue in a Nest app', () => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  const admin = (method: 'get' | 'post', path: string) =>
    request(app.getHttpServer())[method](`/admin/reliability/dlq${path}`).set('x-api-key', KEY);

  it('finds @DeadLetterHandler methods and retries over HTTP, running the handler', async () => {
    app = await start();
    const dlq = app.get(DeadLetterQueueService);
    const id = await dlq.add(
      { type: 'order.notification', payload: { orderId: 'o-1' } },
      new Error('smtp 421'),
    );
    const listed = await admin('get', '').expect(200);
    expect(listed.body.messages).toEqual([
      expect.objectContaining({ id, type: 'order.notification', status: 'pending', maxRetries: 2 }),
    ]);
    expect(listed.body.stats.byStatus.pending).toBe(1);
    const retried = await admin('post', `/${id}/retry`).expect(200);
    expect(retried.body).toMatchObject({ id, outcome: 'succeeded', status: 'succeeded' });
    expect(app.get(OrderNotifier).sent).toEqual(['o-1']);
    await admin('get', '?status=succeeded&limit=10').expect(200);
  });

  it('answers 401 without the key, 404 for an unknown id, 400 for a bad filter', async () => {
    app = await start();
    await request(app.getHttpServer()).get('/admin/reliability/dlq').expect(401);
    await request(app.getHttpServer()).post('/admin/reliability/dlq/x/retry').expect(401);
    const missing = await admin('post', '/no-such-id/retry').expect(404);
    expect(missing.body.message).toContain('no-such-id');
    const bad = await admin('get', '?status=lost&limit=0').expect(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(['limit', 'status']);
  });

  it('exhausts after maxRetries runs; /health/dlq turns degraded; metrics count', async () => {
    app = await start();
    const notifier = app.get(OrderNotifier);
    notifier.failing = true;
    const dlq = app.get(DeadLetterQueueService);
    const id = await dlq.add({ type: 'order.notification', payload: { orderId: 'o-2' } }, 'x');
    expect((await dlq.retry(id)).outcome).toBe('failed');
    expect((await dlq.retry(id)).outcome).toBe('exhausted');
    const health = await request(app.getHttpServer()).get('/health/dlq').expect(200);
    expect(health.body.details.dlq).toMatchObject({ status: 'degraded', pending: 0, exhausted: 1 });
    const metrics = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/dlq_messages_added_total\{type="order.notification"\} 1/);
    expect(metrics.text).toMatch(
      /dlq_processing_duration_seconds_count\{type="order.notification",outcome="exhausted"\} 1/,
    );
  });

  it('receives failed transaction compensations (no handler: kept and reported)', async () => {
    app = await start();
    const resilience = app.get(ResilienceService);
    await expect(
      resilience.transaction(async (tx) => {
        await tx.step(
          'reserve',
          () => 'r-1',
          () => {
            throw new Error('release failed');
          },
        );
        throw new Error('payment declined');
      }),
    ).rejects.toThrow('payment declined');
    const dlq = app.get(DeadLetterQueueService);
    const [message] = await dlq.list({ type: 'transaction.compensation' });
    expect(message).toMatchObject({
      payload: { step: 'reserve', cause: 'Error: payment declined' },
      error: { message: 'release failed' },
    });
    expect((await dlq.processBatch()).unhandled).toBe(1);
    expect((await dlq.stats()).unhandledTypes).toEqual(['transaction.compensation']);
  });

  it('schedules processing and purge in the SchedulerRegistry and removes them on close', async () => {
    app = await start([OrderNotifier], { dlq: { processIntervalMs: 20 } });
    const scheduler = app.get(SchedulerRegistry);
    expect(scheduler.getIntervals()).toEqual(
      expect.arrayContaining(['resilience.dlq.process', 'resilience.dlq.purge']),
    );
    await app
      .get(DeadLetterQueueService)
      .add({ type: 'order.notification', payload: { orderId: 'o-3' } }, 'x');
    const notifier = app.get(OrderNotifier);
    for (let i = 0; i < 100 && notifier.sent.length === 0; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(notifier.sent).toEqual(['o-3']);
    await app.close();
    expect(scheduler.getIntervals()).not.toContain('resilience.dlq.process');
  });

  it('applies dlq.maxStalledCount, 0 included: a message whose claim ran out is exhausted', async () => {
    app = await start([OrderNotifier], { dlq: { maxStalledCount: 0 } });
    const dlq = app.get(DeadLetterQueueService);
    const store = app.get<ResilienceStore>(RESILIENCE_STORE);
    const id = await dlq.add({ type: 'order.notification', payload: { orderId: 'o-3' } }, 'x');
    const stallLimit = { maxStalls: 9, error: '{}' };
    // A process that claims the message with no time to run it, and dies.
    expect(await store.deadLetters.claim(1, 0, 'died', stallLimit)).toHaveLength(1);
    expect((await dlq.processBatch()).claimed).toBe(0);
    expect(await dlq.get(id)).toMatchObject({
      status: 'exhausted',
      stalls: 1,
      exhaustedReason: expect.stringContaining('maxStalledCount (0)'),
    });
    expect(app.get(OrderNotifier).sent).toEqual([]);
  });

  it('stops start-up when two handlers claim one type', async () => {
    await expect(start([OrderNotifier, DuplicateNotifier])).rejects.toThrow(
      /order\.notification.*declared twice: OrderNotifier\.resend and DuplicateNotifier\.resend/s,
    );
  });
});
