import { Controller, Get, Module } from '@nestjs/common';
import { ResilienceModule } from 'nestjs-bulwark';
import { DownstreamController } from './downstream/downstream.controller.js';
import { FlakyDownstream } from './downstream/flaky-downstream.service.js';
import { PaymentsController } from './payments/payments.controller.js';
import { PaymentsService } from './payments/payments.service.js';
import { RatesController } from './rates/rates.controller.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';

/** The sample's routes, listed at GET /. */
export const SAMPLE_ROUTES = [
  'GET  /',
  'POST /payments/:orderId/charge',
  'POST /payments/:orderId/refund',
  'GET  /payments/:orderId/status',
  'GET  /payments/stats',
  'GET  /rates/live/:currency',
  'GET  /rates/guarded/:currency',
  'GET  /rates/report',
  'GET  /rates/bundle',
  'GET  /downstream/settings',
  'POST /downstream/settings   {"failureRate":0.5,"latencyMs":100}',
  'POST /webhooks/:provider   (protected path: policy "webhooks", no decorator)',
  'GET  /admin/reliability/circuit-breakers   (x-api-key: RESILIENCE_ADMIN_API_KEY)',
  'GET  /admin/reliability/policies   (x-api-key)',
  'PATCH /admin/reliability/policies/:name   {"circuitBreaker":{"failureThreshold":3}}',
];

@Controller()
class IndexController {
  @Get()
  index(): { name: string; routes: string[] } {
    return { name: 'nestjs-bulwark sample', routes: SAMPLE_ROUTES };
  }
}

@Module({
  imports: [
    ResilienceModule.forRoot({
      policies: {
        payments: {
          circuitBreaker: { failureThreshold: 5, recoveryTimeoutMs: 15_000 },
          retry: { maxAttempts: 3, backoff: 'exponential', baseDelayMs: 100, jitter: 'full' },
          timeout: { ms: 2_000 },
        },
        webhooks: {
          circuitBreaker: { failureThreshold: 3, recoveryTimeoutMs: 10_000 },
          rateLimit: { limit: 50, windowMs: 1_000, algorithm: 'token-bucket' },
          timeout: { ms: 1_500 },
        },
        rates: {
          retry: { maxAttempts: 2, baseDelayMs: 50 },
          timeout: { ms: 1_000 },
          bulkhead: { maxConcurrent: 5, maxQueue: 10 },
        },
      },
      protectedPaths: [{ prefix: '/webhooks/', policy: 'webhooks' }],
      admin: { apiKey: process.env.RESILIENCE_ADMIN_API_KEY ?? 'sample-admin-key' },
    }),
  ],
  controllers: [
    IndexController,
    PaymentsController,
    RatesController,
    DownstreamController,
    WebhooksController,
  ],
  providers: [FlakyDownstream, PaymentsService],
})
export class AppModule {}
