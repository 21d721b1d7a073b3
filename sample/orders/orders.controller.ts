import {
  BadGatewayException,
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import {
  ErrorClassifier,
  RecoveryService,
  type CompensationReport,
  type RecoveryStats,
} from 'nestjs-bulwark';
import { Inventory } from './inventory.js';
import { OrdersService, type PlacedOrder } from './orders.service.js';

/** Places orders; a failed one answers 502 with what was undone and how the error reads. */
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly recovery: RecoveryService,
    private readonly classifier: ErrorClassifier,
    private readonly inventory: Inventory,
  ) {}

  @Get('recovery-stats')
  stats(): RecoveryStats & { stock: Record<string, number> } {
    return { ...this.recovery.stats(), stock: this.inventory.available() };
  }

  @Post(':orderId')
  async place(
    @Param('orderId') orderId: string,
    @Body() body: { items?: unknown },
  ): Promise<PlacedOrder> {
    const items = Array.isArray(body?.items) ? body.items.map(String) : ['book'];
    try {
      return await this.orders.place(orderId, items);
    } catch (error) {
      const report = (error as { compensation?: CompensationReport }).compensation;
      if (!report || (error as { status?: number }).status === 409) throw error;
      throw new BadGatewayException({
        message: (error as Error).message,
        classification: this.classifier.classify(error),
        compensated: report.compensated,
        compensationFailures: report.failed.map(({ step }) => step),
      });
    }
  }

  @Get(':orderId/checkpoint')
  async checkpoint(@Param('orderId') orderId: string): Promise<unknown> {
    const saved = await this.orders.checkpoint(orderId);
    if (saved === undefined) throw new NotFoundException(`No checkpoint for order ${orderId}`);
    return saved;
  }
}
