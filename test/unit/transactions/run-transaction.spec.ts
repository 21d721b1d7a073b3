import { TransactionFailedError, runTransaction, type TransactionContext } from 'nestjs-bulwark';

function recorder() {
  const undone: string[] = [];
  const undo = (name: string) => () => void undone.push(name);
  return { undone, undo };
}

describe('runTransaction', () => {
  it('resolves to the callback result; a step resolves to its action result; nothing is undone', async () => {
    const { undone, undo } = recorder();
    const total = await runTransaction(async (tx) => {
      const a = await tx.step('a', () => 2, undo('a'));
      const b = await tx.step('b', async () => 3, undo('b'));
      return a * b;
    });
    expect(total).toBe(6);
    expect(undone).toEqual([]);
  });

  it('runs the compensations in reverse order and rethrows the same error with a report', async () => {
    const { undone, undo } = recorder();
    const boom = new Error('boom');
    const failure = await runTransaction(async (tx) => {
      await tx.step('reserve', () => 'r-1', undo('reserve'));
      await tx.step('charge', () => 'c-1', undo('charge'));
      await tx.step('read', () => 'no compensation');
      await tx.step(
        'ship',
        () => {
          throw boom;
        },
        undo('ship'),
      );
    }).catch((error: unknown) => error);
    expect(failure).toBe(boom);
    expect(undone).toEqual(['charge', 'reserve']);
    expect((failure as { compensation: unknown }).compensation).toEqual({
      compensated: ['charge', 'reserve'],
      failed: [],
    });
    expect(Object.keys(failure as object)).toContain('compensation');
  });

  it('hands each compensation the result of its action', async () => {
    const seen: unknown[] = [];
    await runTransaction(async (tx) => {
      await tx.step(
        'create',
        () => ({ id: 7 }),
        (created) => void seen.push(created),
      );
      throw new Error('later');
    }).catch(() => undefined);
    expect(seen).toEqual([{ id: 7 }]);
  });

  it('records a failing compensation, reports it, and still runs the others', async () => {
    const { undone, undo } = recorder();
    const reported: unknown[] = [];
    const refundDown = new Error('refund API down');
    const cause = new Error('ship failed');
    const failure = await runTransaction(
      async (tx) => {
        await tx.step('reserve', () => 1, undo('reserve'));
        await tx.step(
          'charge',
          () => 2,
          () => {
            throw refundDown;
          },
        );
        await tx.step('label', () => 3, undo('label'));
        throw cause;
      },
      (entry) => void reported.push(entry),
    ).catch((error: unknown) => error);
    expect(undone).toEqual(['label', 'reserve']);
    expect((failure as { compensation: unknown }).compensation).toEqual({
      compensated: ['label', 'reserve'],
      failed: [{ step: 'charge', error: refundDown }],
    });
    expect(reported).toEqual([{ step: 'charge', error: refundDown, cause }]);
  });

  it('undoes nested steps before the step that contains them', async () => {
    const { undone, undo } = recorder();
    await runTransaction(async (tx) => {
      await tx.step(
        'order',
        async (inner: TransactionContext) => {
          await inner.step('reserve', () => 1, undo('reserve'));
          await tx.step('charge', () => 2, undo('charge'));
          return 'o-1';
        },
        undo('order'),
      );
      await tx.step('ship', () => {
        throw new Error('no courier');
      });
    }).catch(() => undefined);
    expect(undone).toEqual(['charge', 'reserve', 'order']);
  });

  it('a nested step failing undoes its completed siblings, not the unfinished parent', async () => {
    const { undone, undo } = recorder();
    const failure = await runTransaction(async (tx) => {
      await tx.step('before', () => 0, undo('before'));
      await tx.step(
        'order',
        async () => {
          await tx.step('reserve', () => 1, undo('reserve'));
          await tx.step(
            'charge',
            () => {
              throw new Error('card declined');
            },
            undo('charge'),
          );
        },
        undo('order'),
      );
    }).catch((error: unknown) => error);
    expect(undone).toEqual(['reserve', 'before']);
    expect((failure as Error).message).toBe('card declined');
  });

  it('waits for parallel steps still running before compensating, so none is missed', async () => {
    const { undone, undo } = recorder();
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const done = runTransaction(async (tx) => {
      await Promise.all([
        tx.step(
          'slow',
          async () => {
            await slow;
            return 's';
          },
          undo('slow'),
        ),
        tx.step('fast', () => {
          throw new Error('fast failure');
        }),
      ]);
    }).catch((error: unknown) => error);
    await Promise.resolve();
    expect(undone).toEqual([]);
    release();
    await done;
    expect(undone).toEqual(['slow']);
  });

  it('wraps a thrown non-object so the report can travel with it', async () => {
    const failure = await runTransaction(async (tx) => {
      await tx.step(
        'a',
        () => 1,
        () => undefined,
      );
      throw 'plain string';
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TransactionFailedError);
    expect((failure as TransactionFailedError).cause).toBe('plain string');
    expect((failure as { compensation: unknown }).compensation).toEqual({
      compensated: ['a'],
      failed: [],
    });
  });

  it('merges the report of a failed inner transaction into the outer one', async () => {
    const { undone, undo } = recorder();
    const failure = await runTransaction(async (tx) => {
      await tx.step('outer', () => 1, undo('outer'));
      await runTransaction(async (inner) => {
        await inner.step('inner', () => 2, undo('inner'));
        throw new Error('inner failed');
      });
    }).catch((error: unknown) => error);
    expect(undone).toEqual(['inner', 'outer']);
    expect((failure as { compensation: unknown }).compensation).toEqual({
      compensated: ['inner', 'outer'],
      failed: [],
    });
  });

  it('refuses a step started after the transaction finished', async () => {
    let kept!: TransactionContext;
    await runTransaction((tx) => {
      kept = tx;
    });
    await expect(kept.step('late', () => 1)).rejects.toThrow(/after its transaction had finished/);
  });
});
