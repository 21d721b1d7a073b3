import { Controller, Param, Post } from '@nestjs/common';
import { OrderNotifications } from './order-notifications.js';

/** Sends an order confirmation; a failed one waits in the dead-letter queue. */
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: OrderNotifications) {}

  @Post(':orderId')
  notify(@Param('orderId') orderId: string): ReturnType<OrderNotifications['notify']> {
    return this.notifications.notify({ orderId, email: `${orderId}@example.com` });
  }
}
