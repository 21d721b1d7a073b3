import { chaos, seededRandom } from '../../../lib/core/chaos/index.js';
import { TestClock } from '../../../lib/core/clock/index.js';
import { ResilienceConfigError } from '../../../lib/core/errors/index.js';

function outcome<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  return promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, in [0, 1)', () => {
    const a = seededRandom(123);
    const b = seededRandom(123);
    const first = Array.from({ length: 1_000 }, () => a());
    expect(Array.from({ length: 1_000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(990);
  });

  it('gives a different sequence for another seed, spread evenly', () => {
    const a = Array.from({ length: 10 }, seededRandom(1));
    const b = Array.from({ length: 10 }, seededRandom(2));
    expect(a).not.toEqual(b);
    const random = seededRandom(99);
    const mean = Array.from({ length: 10_000 }, () => random()).reduce((s, x) => s + x, 0) / 10_000;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
  });
});

describe('chaos', () => {
  it('throws the fault instead of calling the function (rate defaults to 1)', async () => {
    const fault = new Error('injected');
    const policy = chaos({ fault });
    let calls = 0;
    expect(await outcome(policy.execute(() => ++calls))).toEqual({ error: fault });
    expect(calls).toBe(0);
  });

  it('builds a fresh error per call from a fault factory', async () => {
    let made = 0;
    const policy = chaos({ fault: () => new Error(`fault ${++made}`) });
    const errors = [await outcome(policy.execute(() => 1)), await outcome(policy.execute(() => 1))];
    expect(errors.map((e) => (e.error as Error).message)).toEqual(['fault 1', 'fault 2']);
  });

  it('waits the latency on the clock before calling the function', async () => {
    const clock = new TestClock();
    const policy = chaos({ latency: 300, clock });
    const startedAt: number[] = [];
    const result = outcome(policy.execute(() => startedAt.push(clock.now())));
    await clock.advance(299);
    expect(startedAt).toEqual([]);
    await clock.advance(1);
    expect(await result).toEqual({ value: 1 });
    expect(startedAt).toEqual([300]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('waits, then fails, when both latency and fault are set', async () => {
    const clock = new TestClock();
    const fault = new Error('slow and broken');
    const result = outcome(chaos({ latency: 100, fault, clock }).execute(() => 'never'));
    await clock.advance(99);
    await clock.advance(1);
    expect(await result).toEqual({ error: fault });
  });

  it("aborts the latency wait with the caller's reason", async () => {
    const clock = new TestClock();
    const controller = new AbortController();
    const result = outcome(
      chaos({ latency: 10_000, clock }).execute(() => 'x', { signal: controller.signal }),
    );
    await clock.advance(10);
    controller.abort('cancelled');
    expect(await result).toEqual({ error: 'cancelled' });
    expect(clock.pendingTimers).toBe(0);
  });

  it('injects into the same calls for the same seed, at about the given rate', async () => {
    const pattern = async (seed: number) => {
      const policy = chaos({ fault: new Error('x'), rate: 0.3, seed });
      const hits: boolean[] = [];
      for (let i = 0; i < 1_000; i++)
        hits.push((await outcome(policy.execute(() => 'ok'))).error !== undefined);
      return hits;
    };
    const first = await pattern(2024);
    expect(await pattern(2024)).toEqual(first);
    expect(await pattern(2025)).not.toEqual(first);
    const rate = first.filter(Boolean).length / first.length;
    expect(rate).toBeGreaterThan(0.25);
    expect(rate).toBeLessThan(0.35);
  });

  it('draws latency between minMs and maxMs, deterministically for a seed', async () => {
    const drawn = async (seed: number) => {
      const clock = new TestClock();
      const policy = chaos({ latency: { minMs: 100, maxMs: 200 }, seed, clock });
      const latencies: number[] = [];
      policy.on('injected', ({ latencyMs }) => latencies.push(latencyMs));
      for (let i = 0; i < 20; i++) {
        const result = policy.execute(() => 'ok');
        await clock.advance(200);
        await result;
      }
      return latencies;
    };
    const latencies = await drawn(5);
    expect(latencies.every((ms) => ms >= 100 && ms <= 200)).toBe(true);
    expect(await drawn(5)).toEqual(latencies);
  });

  it('injects nothing while enabled() is false', async () => {
    let enabled = false;
    const policy = chaos({ fault: new Error('x'), enabled: () => enabled });
    expect(await outcome(policy.execute(() => 'ok'))).toEqual({ value: 'ok' });
    enabled = true;
    expect((await outcome(policy.execute(() => 'ok'))).error).toEqual(new Error('x'));
  });

  it('passes the context through to the function', async () => {
    const context = await chaos({ rate: 0 }).execute((c) => c, { key: 'k', attempt: 4 });
    expect([context.key, context.attempt]).toEqual(['k', 4]);
  });

  it('rejects invalid options', () => {
    for (const bad of [
      { rate: 1.5 },
      { rate: -0.1 },
      { latency: -1 },
      { latency: { minMs: 200, maxMs: 100 } },
      { latency: { minMs: 10 } },
      { fault: 'boom' },
      { seed: Number.NaN },
    ]) {
      expect(() => chaos(bad as never)).toThrow(ResilienceConfigError);
    }
  });
});
