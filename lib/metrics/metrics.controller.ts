import { Controller, Get, NotFoundException, Res, type Type } from '@nestjs/common';
import { ResilienceMetrics } from './resilience-metrics.js';

/** The part of an Express response or a Fastify reply this controller uses. */
interface HeaderWriter {
  header(name: string, value: string): unknown;
}

/** Builds `GET /<path>` (default `/metrics`): the registry in Prometheus text format. */
export function createMetricsController(path: string): Type<unknown> {
  @Controller(path)
  class MetricsController {
    constructor(private readonly metrics: ResilienceMetrics) {}

    @Get()
    async scrape(@Res({ passthrough: true }) response: HeaderWriter): Promise<string> {
      if (!this.metrics.enabled) throw new NotFoundException('metrics.enabled is false');
      response.header('Content-Type', this.metrics.registry.contentType);
      return this.metrics.scrape();
    }
  }
  return MetricsController;
}
