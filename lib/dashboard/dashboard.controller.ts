import { Controller, Get, Headers, Res, type Type } from '@nestjs/common';
import { DASHBOARD_CSP, DASHBOARD_HTML } from './dashboard-page.js';
import { DashboardService } from './dashboard.service.js';
import type { DashboardSnapshot } from './dashboard.types.js';
import { prefersHtml } from './prefers-html.js';

/** The part of an Express response or a Fastify reply this controller uses. */
interface HeaderWriter {
  header(name: string, value: string): unknown;
}

/**
 * Builds `GET /<resilience path>/dashboard`: JSON for API clients, the dashboard page for
 * a browser (`Accept: text/html`).
 */
export function createDashboardController(path: string): Type<unknown> {
  @Controller(path)
  class DashboardController {
    constructor(private readonly dashboard: DashboardService) {}

    @Get('dashboard')
    async show(
      @Headers('accept') accept: string | undefined,
      @Res({ passthrough: true }) response: HeaderWriter,
    ): Promise<DashboardSnapshot | string> {
      response.header('Vary', 'Accept');
      response.header('Cache-Control', 'no-store');
      if (!prefersHtml(accept)) return this.dashboard.snapshot();
      response.header('Content-Type', 'text/html; charset=utf-8');
      response.header('Content-Security-Policy', DASHBOARD_CSP);
      return DASHBOARD_HTML;
    }
  }
  return DashboardController;
}
