import { Injectable } from '@nestjs/common';
import { DeadLetterHandler, DeadLetterQueueService } from 'nestjs-bulwark';
import { FlakyDownstream } from '../downstream/flaky-downstream.service.js';

/** What a dead order notification carries. */
interface OrderNotification {
  orderId: string;
  email: string;
}

/**
 * Order confirmation e-mails through the flaky downstream. One that fails goes to the
 * dead-letter queue; `resend` retries it (scheduled, or POST
 * /admin/reliability/dlq/:id/retry). Delivery is at least once, so `resend` is idempotent:
 * it remembers what was sent (use a unique key in your database) and skips a repeat.
 */
@Injectable()
export class OrderNotifications {
  private readonly sent = new Set<string>();

  constructor(
    private readonly downstream: FlakyDownstream,
    private readonly dlq: DeadLetterQueueService,
  ) {}

  /** Sends now; on failure the notification is parked in the DLQ and its id returned. */
  async notify(notification: OrderNotification): Promise<{ sent: boolean; deadLetterId?: string }> {
    try {
      await this.send(notification);
      return { sent: true };
    } catch (error) {
      const deadLetterId = await this.dlq.add(
        { type: 'order.notification', payload: notification },
        error,
      );
      return { sent: false, deadLetterId };
    }
  }

  @DeadLetterHandler('order.notification', {
    maxRetries: 5,
    backoff: 'exponential',
    baseDelayMs: 30_000,
  })
  async resend(notification: OrderNotification): Promise<void> {
    if (this.sent.has(notification.orderId)) return; // a repeat delivery: already done
    await this.send(notification);
  }

  private async send(notification: OrderNotification): Promise<void> {
    await this.downstream.call('send order e-mail', true);
    this.sent.add(notification.orderId);
  }
}
