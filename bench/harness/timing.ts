import { roundToTwoDigits } from './stats.js';

/** One awaited call of the code under test. */
export type Operation = () => Promise<unknown>;

/** Runs `ops` awaited calls one after the other; returns nanoseconds per call. */
export async function timeOps(operation: Operation, ops: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) await operation();
  return Number(process.hrtime.bigint() - start) / ops;
}

/** Full collections, for heap readings. */
export function settleHeap(): void {
  if (!globalThis.gc) return;
  globalThis.gc();
  globalThis.gc();
}

/**
 * Empties the young generation so that one contender's garbage is not collected on the next
 * one's time. Not a full GC: that shrinks the young generation, and allocation-heavy code then
 * pays for many more scavenges until it grows back (rate-limiter-flexible ran 3–5× slower).
 */
export function clearYoungGeneration(): void {
  globalThis.gc?.({ type: 'minor' });
}

/**
 * Warms `operation` up for about `warmupMs` (until the JIT has settled on it) and returns the
 * op count that fills about `targetMs`; that count then stays fixed for every sample.
 */
export async function warmUpAndCalibrate(
  operation: Operation,
  warmupMs: number,
  targetMs: number,
): Promise<number> {
  let batch = 100;
  let spentNs = 0;
  let nsPerOp = 0;
  while (spentNs < warmupMs * 1e6) {
    nsPerOp = await timeOps(operation, batch);
    spentNs += nsPerOp * batch;
    if (nsPerOp * batch < 20e6) batch *= 2;
  }
  return roundToTwoDigits((targetMs * 1e6) / nsPerOp);
}
