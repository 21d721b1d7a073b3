// The worker side of test/support/child-worker.ts: answers each { id, type, ...args } with
// handlers[type](args) as { id, result } or { id, error }, then says it is ready.
export function serveRequests(handlers) {
  process.on('message', async ({ id, type, ...args }) => {
    try {
      process.send({ id, result: await handlers[type](args) });
    } catch (error) {
      process.send({ id, error: String(error?.stack ?? error) });
    }
  });
  process.send({ ready: true });
}
