import { Injectable, Module, type INestApplication } from '@nestjs/common';
import type { Registry } from 'prom-client';
import {
  CircuitBreaker,
  Fallback,
  RateLimit,
  ResilienceModule,
  Retry,
  type ResilienceModuleOptions,
} from 'nestjs-bulwark';
import { adapters, startApp, type AdapterFactory } from '../support/adapters.js';

/** Decorated methods whose every call is scripted by the test. */
@Injectable()
export class Scripted {
  fetchFailures = 0;

  @CircuitBreaker({ name: 'pay', failureThreshold: 3, recoveryTimeoutMs: 60_000 })
  async pay(ok: boolean): Promise<string> {
    if (!ok) throw new TypeError('card declined');
    return 'paid';
  }

  @Retry('fetch')
  async fetch(): Promise<string> {
    if (this.fetchFailures-- > 0) throw new Error('flaky');
    return 'fetched';
  }

  @Fallback('cached')
  @CircuitBreaker({ name: 'quote', failureThreshold: 10 })
  async quote(): Promise<number> {
    throw new Error('quote service down');
  }

  cached(): number {
    return 1;
  }

  @RateLimit({ name: 'search', limit: 2, windowMs: 60_000, algorithm: 'fixed-window' })
  async search(): Promise<string> {
    return 'found';
  }
}

/** Starts an app with the scripted provider and these module options. */
export function startMetricsApp(
  options: ResilienceModuleOptions,
  adapter: AdapterFactory = adapters[0][1],
): Promise<INestApplication> {
  @Module({
    imports: [
      ResilienceModule.forRoot({
        configFile: false,
        ...options,
        policies: { fetch: { retry: { maxAttempts: 3, baseDelayMs: 5, backoff: 'fixed' } } },
      }),
    ],
    providers: [Scripted],
  })
  class MetricsAppModule {}
  return startApp(MetricsAppModule, adapter);
}

/** Module options that put the metrics on `registry`. */
export const onRegistry = (
  registry: Registry,
  extra: ResilienceModuleOptions = {},
): ResilienceModuleOptions => ({
  ...extra,
  metrics: { ...extra.metrics, registry },
});
