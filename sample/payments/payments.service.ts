import { Injectable } from '@nestjs/common';
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

export interface Receipt {
  orderId: string;
  status: 'charged' | 'queued';
}

/** Decorators on a plain provider: the explorer wraps these methods at start-up. */
@Injectable()
export class PaymentsService {
  constructor(private readonly downstream: FlakyDownstream) {}

  /** The named policy `payments` of forRoot, plus a method fallback. */
  @Fallback('queueForLater')
  @Retry('payments')
  @CircuitBreaker('payments')
  @Timeout('payments')
  async charge(orderId: string): Promise<Receipt> {
    return this.downstream.call('charge', { orderId, status: 'charged' });
  }

  /** Used when charging fails for good: the order is accepted and charged later. */
  queueForLater(orderId: string, _error: unknown): Receipt {
    return { orderId, status: 'queued' };
  }

  /** At most 10 refunds a second, 2 at once with 5 waiting; each bounded by 1 s. */
  @RateLimit({ limit: 10, windowMs: 1_000, algorithm: 'token-bucket', burst: 10 })
  @Bulkhead({ maxConcurrent: 2, maxQueue: 5 })
  @Timeout(1_000)
  async refund(orderId: string): Promise<{ orderId: string; refunded: true }> {
    return this.downstream.call('refund', { orderId, refunded: true as const });
  }

  /** Every policy of the named set `payments` at once (breaker shared with charge). */
  @Resilient('payments')
  async status(orderId: string): Promise<{ orderId: string; status: 'settled' }> {
    return this.downstream.call('status', { orderId, status: 'settled' as const });
  }
}
