import type { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Registry } from 'prom-client';
import request from 'supertest';
import { DashboardSources } from 'nestjs-bulwark';
import { adapters } from '../support/adapters.js';
import { onRegistry, Scripted, startMetricsApp } from '../metrics/metrics-app.js';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

async function openPay(app: INestApplication): Promise<void> {
  const scripted = app.get(Scripted);
  await scripted.pay(true);
  for (let i = 0; i < 3; i++) await scripted.pay(false).catch(() => undefined);
}

describe.each(adapters)('the dashboard routes (%s)', (_name, adapter) => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it('GET /resilience/metrics/real-time: rates, latencies and states now', async () => {
    app = await startMetricsApp(onRegistry(new Registry()), adapter);
    await openPay(app);
    const { body } = await request(app.getHttpServer())
      .get('/resilience/metrics/real-time')
      .expect(200);
    const pay = body.breakers.find((b: { name: string }) => b.name === 'pay');
    expect(pay).toMatchObject({ state: 'OPEN', failureRate: 75 });
    expect(pay.requestsPerSecond).toBeGreaterThan(0);
    expect(pay.failuresPerSecond).toBeGreaterThan(0);
    expect(pay.avgLatencyMs).toEqual(expect.any(Number));
    expect(body.totals).toMatchObject({ openBreakers: 1 });
    expect(body.limiters).toEqual([
      expect.objectContaining({ name: 'search', algorithm: 'fixed-window' }),
    ]);
    expect(body.windowMs).toBeGreaterThanOrEqual(0);
  });

  it('GET /resilience/dashboard: JSON for API clients, with the optional sections', async () => {
    app = await startMetricsApp(onRegistry(new Registry()), adapter);
    await openPay(app);
    const sources = app.get(DashboardSources);
    sources.provide('predictions', () => ({
      items: [
        {
          target: 'heapUsedPercent',
          kind: 'trend',
          predictedAt: 1,
          confidence: 0.8,
          recommendation: 'add memory',
        },
      ],
    }));
    sources.provide('dlq', () => {
      throw new Error('store unreachable');
    });
    for (const accept of [undefined, 'application/json', '*/*']) {
      const call = request(app.getHttpServer()).get('/resilience/dashboard');
      const response = await (accept ? call.set('accept', accept) : call).expect(200);
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.headers['vary']).toContain('Accept');
      const body = response.body;
      expect(body.breakers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'pay', state: 'OPEN', history: expect.any(Object) }),
        ]),
      );
      expect(body.alerts.active).toEqual([
        expect.objectContaining({ rule: 'circuitOpen', subject: 'pay' }),
      ]);
      expect(body.healthScore).toBeLessThan(100);
      expect(body.predictions).toEqual({
        enabled: true,
        data: { items: [expect.objectContaining({ target: 'heapUsedPercent' })] },
      });
      expect(body.dlq).toEqual({ enabled: true, error: 'store unreachable' });
      expect(body.links).toEqual({ realTime: 'metrics/real-time', prometheus: '/metrics' });
    }
  });

  it('GET /resilience/dashboard: one self-contained page for a browser', async () => {
    app = await startMetricsApp(onRegistry(new Registry()), adapter);
    const response = await request(app.getHttpServer())
      .get('/resilience/dashboard')
      .set('accept', BROWSER_ACCEPT)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const html = response.text;
    expect(html).toContain('<title>Resilience dashboard</title>');
    expect(html).not.toMatch(
      /<script[^>]+src=|<link[^>]+href="(?!data:)|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/,
    );
    // The policy allows exactly the inline script and style that were served.
    const csp = response.headers['content-security-policy'];
    const hashOf = (tag: string) => {
      const body = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)![1];
      return `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    };
    expect(csp).toContain(`script-src ${hashOf('script')}`);
    expect(csp).toContain(`style-src ${hashOf('style')}`);
    expect(csp).toContain("default-src 'none'");
  });
});

describe('the dashboard without metrics', () => {
  let app: INestApplication;
  afterEach(async () => app?.close());

  it('still shows states and rates; latencies are unknown', async () => {
    app = await startMetricsApp({ metrics: { enabled: false } });
    await openPay(app);
    const { body } = await request(app.getHttpServer()).get('/resilience/dashboard').expect(200);
    const pay = body.breakers.find((b: { name: string }) => b.name === 'pay');
    expect(pay).toMatchObject({ state: 'OPEN', avgLatencyMs: null, p95LatencyMs: null });
    expect(pay.requestsPerSecond).toBeGreaterThan(0);
    expect(body.links.prometheus).toBeNull();
  });
});
