import type { INestApplication } from '@nestjs/common';
import { ResilienceService } from 'nestjs-bulwark';
import { recoveryApp, type SunkWork } from '../recovery/recovery-app.js';

describe('ResilienceService.transaction', () => {
  let app: INestApplication;
  let sunk: SunkWork[];
  let resilience: ResilienceService;

  beforeEach(async () => {
    ({ app, sunk } = await recoveryApp());
    resilience = app.get(ResilienceService);
  });
  afterEach(() => app.close());

  it('resolves to the callback result', async () => {
    const id = await resilience.transaction(async (tx) => {
      const order = await tx.step(
        'create order',
        () => ({ id: 'o-1' }),
        () => undefined,
      );
      return order.id;
    });
    expect(id).toBe('o-1');
    expect(sunk).toEqual([]);
  });

  it('compensates in reverse order, sends a failed compensation to the failed-work sink and publishes the rollback', async () => {
    const undone: string[] = [];
    const rolledBack: unknown[] = [];
    resilience.on('transaction.rolledBack', (event) => void rolledBack.push(event));
    const refundError = new Error('refund API down');
    const cause = new Error('out of stock');
    const failure = await resilience
      .transaction(async (tx) => {
        await tx.step(
          'charge',
          () => 'ch-1',
          () => {
            throw refundError;
          },
        );
        await tx.step(
          'reserve',
          () => 'r-1',
          () => void undone.push('reserve'),
        );
        await tx.step('ship', () => {
          throw cause;
        });
      })
      .catch((error: unknown) => error);
    expect(failure).toBe(cause);
    expect(undone).toEqual(['reserve']);
    expect(failure).toMatchObject({
      compensation: { compensated: ['reserve'], failed: [{ step: 'charge', error: refundError }] },
    });
    expect(sunk).toEqual([
      {
        message: {
          type: 'transaction.compensation',
          payload: { step: 'charge', cause: 'Error: out of stock' },
        },
        error: refundError,
      },
    ]);
    expect(rolledBack).toEqual([{ compensated: ['reserve'], failed: ['charge'], error: cause }]);
  });
});
