// Run with --expose-gc: fills the memory store's rate limits with a million distinct keys,
// lets them expire, sweeps as the housekeeping timer would, and reports the heap.
const [libDir, algorithm] = process.argv.slice(2);
const { resolveRateLimitRule } = await import(`${libDir}/core/index.js`);
const { MemoryStore } = await import(`${libDir}/store/index.js`);

let now = 1_000_000;
// The sweep timer is never fired by this clock: the test sweeps when it decides to.
const clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => undefined };
const rule = resolveRateLimitRule({ algorithm, limit: 10, windowMs: 60_000 });
const backend = new MemoryStore({ clock }).rateLimits;

function heapAfterGc() {
  for (let i = 0; i < 4; i++) globalThis.gc();
  return process.memoryUsage().heapUsed;
}

function fill(count, prefix) {
  for (let i = 0; i < count; i++) backend.consumeNow(`${prefix}${i}`, rule, 1);
}

function expireAll() {
  now += 3 * 60_000;
  backend.sweep();
}

// Warm up the same code paths (JIT, inline caches) before the baseline.
fill(10_000, 'warm-');
expireAll();
const baseline = heapAfterGc();
fill(1_000_000, 'user-');
const peak = heapAfterGc();
const held = backend.size;
expireAll();
const after = heapAfterGc();
process.send({ baseline, peak, after, held, left: backend.size }, () => process.exit(0));
