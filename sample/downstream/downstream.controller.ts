import { Body, Controller, Get, Post } from '@nestjs/common';
import { FlakyDownstream, type DownstreamSettings } from './flaky-downstream.service.js';

/** Lets you make the simulated dependency better or worse while the app runs. */
@Controller('downstream')
export class DownstreamController {
  constructor(private readonly downstream: FlakyDownstream) {}

  @Get('settings')
  settings(): DownstreamSettings & { calls: number } {
    return { ...this.downstream.current(), calls: this.downstream.calls };
  }

  @Post('settings')
  configure(@Body() body: unknown): DownstreamSettings {
    return this.downstream.configure(body);
  }
}
