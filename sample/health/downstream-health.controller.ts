import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { FlakyDownstream } from '../downstream/flaky-downstream.service.js';
import { downstreamAnswers } from './downstream-probe.js';

/**
 * The simulated downstream's own health endpoint, as a real dependency would expose it:
 * 503 at the downstream's failure rate. Point an HTTP dependency at it to watch the
 * thresholds work (see sample-dependencies.ts).
 */
@Controller('downstream')
export class DownstreamHealthController {
  constructor(private readonly downstream: FlakyDownstream) {}

  @Get('health')
  health(): { status: 'ok' } {
    if (!downstreamAnswers(this.downstream)) {
      throw new ServiceUnavailableException('downstream unhealthy');
    }
    return { status: 'ok' };
  }
}
