/**
 * Polls `probe` until `accept` says yes, in small steps, for at most `timeoutMs`; fails
 * with the last value seen. Used for states reached by scheduled checks on real time.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 4_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) {
      throw new Error(
        `condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    last = await probe();
  }
  return last;
}
