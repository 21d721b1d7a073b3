import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Browser } from 'playwright-core';
import { AppModule } from '../../sample/app.module.js';
import { launchChromium } from './support/headless-chromium.js';

describe('the sample app in headless Chromium', () => {
  let app: INestApplication;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app.close();
  });

  it('shows the route list and the rate-limit headers a browser receives', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${base}/`);
    expect(response?.status()).toBe(200);
    expect(await page.textContent('body')).toContain('/payments/:orderId/charge');

    const rate = await page.goto(`${base}/rates/live/EUR`);
    expect(rate?.headers()['ratelimit-limit']).toBe('5');
    await page.close();
  });
});
