import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { AppModule } from '../../sample/app.module.js';
import { launchChromium } from './support/headless-chromium.js';

const ARTIFACTS = join(process.cwd(), 'test/e2e/artifacts');
const payments = '[data-breaker="payments"]';

describe('the dashboard in headless Chromium', () => {
  let app: INestApplication;
  let browser: Browser;
  let page: Page;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  const server = () => app.getHttpServer();
  const charge = (order: string) => request(server()).post(`/payments/${order}/charge`).expect(201);

  it('shows the payments breaker CLOSED, then OPEN after failures, without reloading', async () => {
    await request(server())
      .post('/downstream/settings')
      .send({ failureRate: 0, latencyMs: 2 })
      .expect(201);
    for (let i = 0; i < 5; i++) await charge(`ok-${i}`);

    const response = await page.goto(`${base}/resilience/dashboard`);
    expect(response?.headers()['content-type']).toContain('text/html');
    await page.waitForSelector(`${payments}[data-state="CLOSED"]`);
    expect(await page.textContent('#live-text')).toMatch(/^Live/);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));

    await request(server())
      .post('/downstream/settings')
      .send({ failureRate: 1, latencyMs: 0 })
      .expect(201);
    for (let i = 0; i < 3; i++) await charge(`failing-${i}`);

    await page.waitForSelector(`${payments}[data-state="OPEN"]`, { timeout: 10_000 });
    expect(await page.textContent(`${payments} .state`)).toBe('OPEN');
    await page.waitForSelector('#alerts .item .mono >> text=payments');
    expect(navigations).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-desktop.png'), fullPage: true });
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });
    await request(server())
      .post('/downstream/settings')
      .send({ failureRate: 0, latencyMs: 0 })
      .expect(201);
  });
});
