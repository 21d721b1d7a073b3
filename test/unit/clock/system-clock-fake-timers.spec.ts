import { jest } from '@jest/globals';
import { PolicyTimeoutError } from '../../../lib/core/errors/index.js';
import { createTimeout } from '../../../lib/core/timeout/index.js';

/** Applications test their own code under jest's fake timers, with our default clock. */
describe('the system clock under jest fake timers', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('lets a timeout fire when fake time reaches its deadline, not before', async () => {
    const timeout = createTimeout(1_000);
    let outcome: unknown;
    timeout.execute(() => new Promise(() => {})).catch((error: unknown) => (outcome = error));
    await jest.advanceTimersByTimeAsync(999);
    expect(outcome).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);
    expect(outcome).toBeInstanceOf(PolicyTimeoutError);
  });
});
