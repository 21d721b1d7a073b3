import { Controller, Get, type Type } from '@nestjs/common';
import { RealTimeSampler } from './real-time-sampler.js';
import type { RealTimeView } from './real-time.types.js';

/** Builds `GET /<resilience path>/metrics/real-time`: current rates, latencies and states. */
export function createRealTimeController(path: string): Type<unknown> {
  @Controller(path)
  class RealTimeMetricsController {
    constructor(private readonly sampler: RealTimeSampler) {}

    @Get('metrics/real-time')
    realTime(): RealTimeView {
      return this.sampler.current();
    }
  }
  return RealTimeMetricsController;
}
