import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  CheckpointService,
  RecoveryOrchestrator,
  RecoveryService,
  ResilienceService,
} from 'nestjs-bulwark';
import { FlakyDownstream } from '../downstream/flaky-downstream.service.js';
import { Inventory } from './inventory.js';

/** A placed order. */
export interface PlacedOrder {
  orderId: string;
  status: 'placed';
  reservation: string;
  charge: string;
  /** How the charge got through: first try, or the recovery strategy that saved it. */
  chargedBy: string;
}

/**
 * An order flow: reserve stock, then charge, as one transaction (a failed charge releases
 * the stock); a checkpoint after each stage; a failed charge goes through RecoveryService
 * before the transaction gives up.
 */
@Injectable()
export class OrdersService implements OnModuleInit {
  constructor(
    private readonly resilience: ResilienceService,
    private readonly recovery: RecoveryService,
    private readonly checkpoints: CheckpointService,
    private readonly orchestrator: RecoveryOrchestrator,
    private readonly inventory: Inventory,
    private readonly downstream: FlakyDownstream,
  ) {}

  /**
   * A plan for the `payments` breaker: POST /resilience/recovery/payments runs it. Its first
   * step is our own: it tells the on-call channel (here, the log) that recovery started.
   */
  onModuleInit(): void {
    const incidents = new Logger('Incidents');
    this.orchestrator.registerStepType('notify_on_call', (step, { plan }) =>
      incidents.warn(`${String(step.params?.channel)}: recovering ${plan.serviceName}`),
    );
    this.orchestrator.registerPlan({
      serviceName: 'payments',
      strategy: 'GRADUAL',
      estimatedRecoveryTimeMs: 5_000,
      steps: [
        { type: 'custom', name: 'notify_on_call', params: { channel: '#payments-on-call' } },
        { type: 'reset_circuit_breaker' },
        { type: 'wait', durationMs: 1_000 },
      ],
      successCriteria: [{ type: 'circuit_breakers_closed' }],
    });
  }

  place(orderId: string, items: string[]): Promise<PlacedOrder> {
    return this.resilience.transaction(async (tx) => {
      const reservation = await tx.step(
        'reserve stock',
        () => this.inventory.reserve(orderId, items),
        (made) => this.inventory.release(made),
      );
      await this.checkpoints.save(
        `order:${orderId}`,
        { stage: 'reserved', items },
        { ttlMs: 600_000 },
      );
      const charged = await tx.step('charge', () => this.charge(orderId));
      await this.checkpoints.save(
        `order:${orderId}`,
        { stage: 'charged', items },
        { ttlMs: 600_000 },
      );
      return { orderId, status: 'placed', reservation: reservation.id, ...charged };
    });
  }

  checkpoint(orderId: string): Promise<unknown> {
    return this.checkpoints.restore(`order:${orderId}`);
  }

  private async charge(orderId: string): Promise<{ charge: string; chargedBy: string }> {
    const call = (): Promise<string> => this.downstream.call('charge', `ch-${orderId}`);
    try {
      return { charge: await call(), chargedBy: 'first try' };
    } catch (error) {
      const outcome = await this.recovery.recoverFromError(error, {
        serviceId: 'payments-api',
        operation: 'charge',
        retryFn: call,
      });
      if (outcome.status === 'failed') throw outcome.error;
      return { charge: outcome.result as string, chargedBy: outcome.strategy };
    }
  }
}
