import { Controller, Get, Param, Post } from '@nestjs/common';
import { ResilienceService } from 'nestjs-bulwark';
import { PaymentsService, type Receipt } from './payments.service.js';

/** Calls the protected service; shows the breakers' state through ResilienceService. */
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly resilience: ResilienceService,
  ) {}

  @Post(':orderId/charge')
  charge(@Param('orderId') orderId: string): Promise<Receipt> {
    return this.payments.charge(orderId);
  }

  @Post(':orderId/refund')
  refund(@Param('orderId') orderId: string): Promise<{ orderId: string; refunded: true }> {
    return this.payments.refund(orderId);
  }

  @Get(':orderId/status')
  status(@Param('orderId') orderId: string): Promise<{ orderId: string; status: 'settled' }> {
    return this.payments.status(orderId);
  }

  @Get('stats')
  stats(): ReturnType<ResilienceService['stats']> {
    return this.resilience.stats();
  }
}
