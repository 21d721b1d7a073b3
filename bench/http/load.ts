import autocannon from 'autocannon';

export interface LoadResult {
  reqPerSec: number;
  p99Ms: number;
  /** Non-2xx responses, errors and timeouts: any of them makes the figure meaningless. */
  failures: number;
  /**
   * The app process's CPU time per request (user + system, µs), when measured: steadier
   * than requests per second on a shared machine, since waiting for a core costs no CPU.
   */
  cpuUsPerRequest?: number;
}

/** Drives `url` with `connections` keep-alive connections for `durationSec` seconds. */
export async function load(
  url: string,
  connections: number,
  durationSec: number,
): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: durationSec });
  return {
    reqPerSec: result.requests.total / result.duration,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Drives the routes of one app in alternating slices of `sliceSec` (who goes first
 * alternating too) for `durationSec` each, so that a burst of noise on a shared machine
 * hits them alike: their ratio then compares neighbours in time. With `cpuMicros` (the
 * app's CPU clock) each route's CPU time per request is measured too. One result per route.
 */
export async function loadInterleaved(
  urls: readonly string[],
  connections: number,
  durationSec: number,
  sliceSec: number,
  cpuMicros?: () => Promise<number>,
): Promise<LoadResult[]> {
  const slices = Math.max(1, Math.round(durationSec / sliceSec));
  const totals = urls.map(() => ({
    requests: 0,
    seconds: 0,
    failures: 0,
    cpuMicros: 0,
    p99s: [] as number[],
  }));
  for (let slice = 0; slice < slices; slice++) {
    for (let turn = 0; turn < urls.length; turn++) {
      const index = (turn + slice) % urls.length;
      const cpuBefore = await cpuMicros?.();
      const result = await autocannon({ url: urls[index], connections, duration: sliceSec });
      const cpuAfter = await cpuMicros?.();
      const total = totals[index];
      total.requests += result.requests.total;
      total.seconds += result.duration;
      total.failures += result.non2xx + result.errors + result.timeouts;
      total.cpuMicros += (cpuAfter ?? 0) - (cpuBefore ?? 0);
      total.p99s.push(result.latency.p99);
    }
  }
  return totals.map((total) => ({
    reqPerSec: total.requests / total.seconds,
    p99Ms: [...total.p99s].sort((a, b) => a - b)[total.p99s.length >> 1],
    failures: total.failures,
    ...(cpuMicros ? { cpuUsPerRequest: total.cpuMicros / total.requests } : {}),
  }));
}
