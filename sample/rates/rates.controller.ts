import { Controller, Get, Param } from '@nestjs/common';
import {
  Bulkhead,
  CircuitBreaker,
  Fallback,
  RateLimit,
  Resilient,
  Retry,
  Timeout,
} from 'nestjs-bulwark';
import { FlakyDownstream } from '../downstream/flaky-downstream.service.js';

interface Rate {
  currency: string;
  rate: number;
  source: 'live' | 'fallback';
}

/** Decorators on controller handlers: the global interceptor applies them with HTTP meaning. */
@Controller('rates')
export class RatesController {
  constructor(private readonly downstream: FlakyDownstream) {}

  /** 5 requests per 10 s per client (429 beyond), 3 attempts, 504 after 800 ms. */
  @RateLimit({ limit: 5, windowMs: 10_000 })
  @Retry({ maxAttempts: 3, baseDelayMs: 100 })
  @Timeout(800)
  @Get('live/:currency')
  live(@Param('currency') currency: string): Promise<Rate> {
    return this.downstream.call('rate', { currency, rate: 1.1, source: 'live' as const });
  }

  /** A breaker per currency (opens after 3 failures in a row: 503 with Retry-After). */
  @CircuitBreaker({
    failureThreshold: 3,
    recoveryTimeoutMs: 10_000,
    key: (request: { params?: { currency?: string } }) => request.params?.currency ?? 'none',
  })
  @Fallback('cached')
  @Get('guarded/:currency')
  guarded(@Param('currency') currency: string): Promise<Rate> {
    return this.downstream.call('rate', { currency, rate: 1.1, source: 'live' as const });
  }

  /** On a controller, a fallback gets the request, then the error. */
  cached(request: { params: { currency: string } }): Rate {
    return { currency: request.params.currency, rate: 1.0, source: 'fallback' };
  }

  /** A slow report: one at a time, two waiting, the rest get 503 with Retry-After. */
  @Bulkhead({ maxConcurrent: 1, maxQueue: 2 })
  @Get('report')
  report(): Promise<{ generated: true }> {
    return this.downstream.call('report', { generated: true as const });
  }

  /** Everything of the named policy set `rates` at once. */
  @Resilient('rates')
  @Get('bundle')
  bundle(): Promise<Rate[]> {
    return this.downstream.call('bundle', [
      { currency: 'EUR', rate: 1.1, source: 'live' as const },
    ]);
  }
}
