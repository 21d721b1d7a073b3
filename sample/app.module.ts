import { Controller, Get, Module } from '@nestjs/common';
import { ResilienceModule } from 'nestjs-bulwark';
import { NotificationsController } from './dlq/notifications.controller.js';
import { OrderNotifications } from './dlq/order-notifications.js';
import { DownstreamController } from './downstream/downstream.controller.js';
import { FlakyDownstream } from './downstream/flaky-downstream.service.js';
import { ErrorReporter } from './monitoring/error-reporter.js';
import { Pager } from './monitoring/pager.js';
import { CatalogController } from './health/catalog.controller.js';
import { DownstreamHealthController } from './health/downstream-health.controller.js';
import { SampleDependencies } from './health/sample-dependencies.js';
import { Inventory } from './orders/inventory.js';
import { OrdersController } from './orders/orders.controller.js';
import { OrdersService } from './orders/orders.service.js';
import { PaymentsController } from './payments/payments.controller.js';
import { PaymentsService } from './payments/payments.service.js';
import { AlertLog } from './predict/alert-log.js';
import { PredictionsController } from './predict/predictions.controller.js';
import { RatesController } from './rates/rates.controller.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';

/** The sample's routes, listed at GET /. */
export const SAMPLE_ROUTES = [
  'GET  /',
  'POST /payments/:orderId/charge',
  'POST /payments/:orderId/refund',
  'GET  /payments/:orderId/status',
  'GET  /payments/stats',
  'POST /orders/:orderId   {"items":["book","mug"]}   (transaction, checkpoints, recovery)',
  'GET  /orders/:orderId/checkpoint',
  'GET  /orders/recovery-stats',
  'POST /notifications/:orderId   (a failed e-mail goes to the dead-letter queue)',
  'GET  /rates/live/:currency',
  'GET  /rates/guarded/:currency',
  'GET  /rates/report',
  'GET  /rates/bundle',
  'GET  /downstream/settings',
  'POST /downstream/settings   {"failureRate":0.5,"latencyMs":100}',
  'POST /webhooks/:provider   (protected path: policy "webhooks", no decorator)',
  "GET  /downstream/health   (fails at the downstream's failure rate)",
  'GET  /catalog/recommendations/:userId   (feature off from MODERATE: fallback)',
  'GET  /catalog/reviews   (feature off from SEVERE: 503)',
  'GET  /health   /health/live   /health/ready   /health/detailed   /health/degradation',
  'GET  /resilience/health   /resilience/dependencies',
  'GET  /resilience/dashboard   (open it in a browser; JSON for API clients)',
  'GET  /resilience/metrics/real-time',
  'GET  /resilience/predictions   (anomalies, trends, learned failure patterns)',
  'GET  /predictions/alerts   (the alerts the sample logged and kept)',
  'GET  /metrics   (Prometheus text format)',
  'GET  /admin/reliability/reports/reliability   (x-api-key)',
  'GET  /admin/reliability/circuit-breakers   (x-api-key: RESILIENCE_ADMIN_API_KEY)',
  'POST /resilience/recovery/payments   (x-api-key; runs the payments recovery plan)',
  'POST /resilience/recovery-plans   (x-api-key; registers a recovery plan)',
  'GET  /admin/reliability/policies   (x-api-key)',
  'GET  /admin/reliability/dlq   (x-api-key; ?type=&status=&limit=)',
  'POST /admin/reliability/dlq/:id/retry   (x-api-key; runs the handler now)',
  'PATCH /admin/reliability/policies/:name   {"circuitBreaker":{"failureThreshold":3}}',
  'POST /admin/reliability/degradation/set-level   {"level":"MODERATE","reason":"demo","expiresInMs":60000}',
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
          // With REDIS_URL every instance sees one breaker; while Redis is away each
          // instance's own breaker decides (`local`, the default, spelled out here).
          circuitBreaker: {
            failureThreshold: 5,
            recoveryTimeoutMs: 15_000,
            shared: true,
            onStoreFailure: 'local',
          },
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
      // An open `payments` breaker fails readiness and makes the degradation level SEVERE.
      healthChecking: { criticalBreakers: ['payments'] },
      // A prediction alert about heap or memory runs a standard memory cleanup.
      predictive: { prevention: { memoryCleanup: true } },
      admin: { apiKey: process.env.RESILIENCE_ADMIN_API_KEY ?? 'sample-admin-key' },
      // A dead letter whose handler run outlives its claim twice is exhausted, not retried
      // forever (it can still be retried by id from the admin route).
      dlq: { visibilityTimeoutMs: 30_000, maxStalledCount: 1 },
    }),
  ],
  controllers: [
    IndexController,
    PaymentsController,
    RatesController,
    DownstreamController,
    WebhooksController,
    DownstreamHealthController,
    CatalogController,
    OrdersController,
    PredictionsController,
    NotificationsController,
  ],
  providers: [
    FlakyDownstream,
    PaymentsService,
    SampleDependencies,
    Pager,
    ErrorReporter,
    Inventory,
    OrdersService,
    AlertLog,
    OrderNotifications,
  ],
})
export class AppModule {}
