// A "process of the fleet" for cross-process tests: it runs the package's rate limiter and
// shared breaker over its own Redis connection, driven by messages from the test.
import { setImmediate, setTimeout } from 'node:timers';
import { serveRequests } from './serve-requests.mjs';

const [libDir] = process.argv.slice(2);
const core = await import(`${libDir}/core/index.js`);
const { connectRedisStore } = await import(`${libDir}/store/index.js`);

let store;
const breakers = new Map();

function breakerNamed(name, options) {
  if (!breakers.has(name)) {
    breakers.set(name, new core.SharedCircuitBreakerPolicy({ name, ...options }, store.breakers));
  }
  return breakers.get(name);
}

const waitUntil = (at) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

const handlers = {
  async connect({ connection }) {
    await store?.close();
    breakers.clear();
    store = await connectRedisStore(connection);
    return store.whenReady(5_000);
  },
  async consume({ name, limit, windowMs, calls, fireAt }) {
    const limiter = core.createRateLimiter({ name, limit, windowMs }, store.rateLimits);
    await waitUntil(fireAt);
    const decisions = await Promise.all(
      Array.from({ length: calls }, () => limiter.consume('shared')),
    );
    return {
      allowed: decisions.filter((d) => d.allowed).length,
      rejected: decisions.filter((d) => !d.allowed).length,
    };
  },
  async breakerCall({ name, options, fail }) {
    const breaker = breakerNamed(name, options);
    try {
      await breaker.execute(() => (fail ? Promise.reject(new Error('downstream 503')) : 'ok'));
      return { outcome: 'ok', state: breaker.state };
    } catch (error) {
      return {
        outcome: error instanceof core.CircuitOpenError ? 'rejected' : 'failed',
        state: breaker.state,
      };
    }
  },
  async close() {
    await store?.close();
    setImmediate(() => process.exit(0));
    return true;
  },
};

serveRequests(handlers);
