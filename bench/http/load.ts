import autocannon from 'autocannon';

export interface LoadResult {
  reqPerSec: number;
  p99Ms: number;
  /** Non-2xx responses, errors and timeouts: any of them makes the figure meaningless. */
  failures: number;
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
