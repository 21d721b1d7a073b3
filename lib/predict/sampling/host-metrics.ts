import si from 'systeminformation';

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * One sample of the host through systeminformation: CPU load, memory in use, the fullest
 * disk, network throughput (from the second sample on) and open connections. A reading
 * the platform cannot give is left out.
 */
export async function sampleHost(): Promise<Record<string, number>> {
  const [load, memory, disks, network, connections] = await Promise.allSettled([
    si.currentLoad(),
    si.mem(),
    si.fsSize(),
    si.networkStats('*'),
    si.networkConnections(),
  ]);
  const metrics: Record<string, number> = {};
  const put = (name: string, value: number | null | undefined) => {
    if (finite(value)) metrics[name] = value;
  };
  if (load.status === 'fulfilled') put('system.cpuLoadPercent', load.value.currentLoad);
  if (memory.status === 'fulfilled' && memory.value.total > 0) {
    put('system.memoryUsedPercent', (memory.value.active / memory.value.total) * 100);
  }
  if (disks.status === 'fulfilled' && disks.value.length > 0) {
    put('system.diskUsedPercent', Math.max(...disks.value.map((disk) => disk.use ?? 0)));
  }
  if (network.status === 'fulfilled') {
    const rates = network.value.filter((nic) => finite(nic.rx_sec) && finite(nic.tx_sec));
    if (rates.length > 0) {
      put(
        'system.networkRxBytesPerSec',
        rates.reduce((sum, nic) => sum + nic.rx_sec, 0),
      );
      put(
        'system.networkTxBytesPerSec',
        rates.reduce((sum, nic) => sum + nic.tx_sec, 0),
      );
    }
  }
  if (connections.status === 'fulfilled') put('system.openConnections', connections.value.length);
  return metrics;
}
