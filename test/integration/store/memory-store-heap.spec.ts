import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compileLibForChildren } from '../../support/compile-lib.js';

interface HeapReport {
  baseline: number;
  peak: number;
  after: number;
  held: number;
  left: number;
}

const script = fileURLToPath(new URL('../../support/children/million-keys.mjs', import.meta.url));

/** Runs the measurement in a fresh process with `gc()` exposed: jest's own heap is noise. */
function measure(algorithm: string): Promise<HeapReport> {
  const child = fork(script, [compileLibForChildren(), algorithm], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (report: HeapReport) => resolve(report));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`exit ${code}`))));
  });
}

describe('MemoryStore with a million distinct keys', () => {
  it('returns to within 10 % of its heap baseline once they expire', async () => {
    const report = await measure('sliding-window');
    expect(report.held).toBe(1_000_000);
    expect(report.left).toBe(0);
    // The keys really took memory (about 300 bytes each), so the comparison means something.
    expect(report.peak - report.baseline).toBeGreaterThan(100_000_000);
    expect(Math.abs(report.after - report.baseline) / report.baseline).toBeLessThan(0.1);
  }, 30_000);
});
