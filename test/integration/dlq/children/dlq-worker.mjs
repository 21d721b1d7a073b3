// A process of the fleet for the dead-letter tests: its own Redis connection and queue,
// driven by messages from the test. Handlers report each message they start to the test.
import { setImmediate, setTimeout } from 'node:timers';
import { serveRequests } from '../../../support/children/serve-requests.mjs';

const [libDir] = process.argv.slice(2);
const { connectRedisStore } = await import(`${libDir}/store/index.js`);
const { DeadLetterQueue } = await import(`${libDir}/dlq/queue/index.js`);

let store;
let queue;

const handlers = {
  async connect({ url, keyPrefix, visibilityTimeoutMs, hang }) {
    store = await connectRedisStore({ url, keyPrefix });
    await store.whenReady(5_000);
    queue = new DeadLetterQueue(store.deadLetters, {
      visibilityTimeoutMs,
      maxRetries: 3,
      unhandledDelayMs: 60_000,
    });
    queue.handlers.register('job', {
      source: 'worker',
      options: {},
      handle: async (payload, message) => {
        process.send({ event: 'started', id: message.id, pid: process.pid });
        if (hang) await new Promise(() => undefined); // dies here, mid-handler
        await new Promise((resolve) => setImmediate(resolve));
      },
    });
    return true;
  },
  async drain({ size, startAt }) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, startAt - Date.now())));
    const handled = [];
    for (;;) {
      const result = await queue.processBatch(size);
      if (result.claimed === 0) return handled;
      for (const o of result.outcomes) if (o.outcome === 'succeeded') handled.push(o.id);
    }
  },
  async processBatch({ size }) {
    return queue.processBatch(size);
  },
  async close() {
    await store?.close();
    setImmediate(() => process.exit(0));
    return true;
  },
};

serveRequests(handlers);
