import { Body, Controller, Param, Post } from '@nestjs/common';
import { FlakyDownstream } from '../downstream/flaky-downstream.service.js';

/**
 * No decorator here: every route under /webhooks/ is protected by the named policy
 * `webhooks` through `protectedPaths` in app.module.ts (one breaker and one rate limit
 * for the whole prefix).
 */
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly downstream: FlakyDownstream) {}

  @Post(':provider')
  receive(
    @Param('provider') provider: string,
    @Body() event: unknown,
  ): Promise<{ accepted: string }> {
    return this.downstream.call('webhook', {
      accepted: `${provider}:${JSON.stringify(event).length}b`,
    });
  }
}
