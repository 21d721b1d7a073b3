import type { OptionChecker } from '../validation/index.js';

/** Records every invalid chaos option on `checker` (nothing for `undefined`). */
export function checkChaosOptions(options: unknown, checker: OptionChecker): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    checker.fail('options', 'must be an object { fault?, latency?, rate?, seed? }');
    return;
  }
  const o = options as Record<string, unknown>;
  if (o.fault !== undefined && !(o.fault instanceof Error) && typeof o.fault !== 'function') {
    checker.fail('fault', 'must be an Error or a function returning one');
  }
  checker.ratio('rate', o.rate).isFunction('enabled', o.enabled);
  if (o.seed !== undefined && !Number.isFinite(o.seed))
    checker.fail('seed', 'must be a finite number');
  checker.isObject('clock', o.clock);
  if (typeof o.latency === 'object' && o.latency !== null) {
    const { minMs, maxMs } = o.latency as Record<string, unknown>;
    const latency = checker.child('latency');
    for (const [name, value] of [
      ['minMs', minMs],
      ['maxMs', maxMs],
    ] as const) {
      if (value === undefined) latency.fail(name, 'is required in { minMs, maxMs }');
      latency.nonNegative(name, value);
    }
    if (typeof minMs === 'number' && typeof maxMs === 'number' && maxMs < minMs) {
      latency.fail('maxMs', `must be >= minMs (${minMs}), got ${maxMs}`);
    }
  } else {
    checker.nonNegative('latency', o.latency);
  }
}
