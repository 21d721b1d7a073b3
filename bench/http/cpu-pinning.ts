import { execFileSync } from 'node:child_process';

/**
 * Gives the app under load a CPU of its own and keeps the load generator (this process,
 * autocannon's connections included) on the others, with `taskset`. Unpinned, the two
 * trade CPUs and caches under the scheduler, and a route's share moves several percent
 * from round to round. Returns whether it pinned: not with one CPU, nor without `taskset`.
 */
export function pinAppApartFromLoad(appPid: number): boolean {
  try {
    const cpus = (cpusBeforePinning ??= allowedCpus());
    if (cpus.length < 2) return false;
    taskset(String(cpus[cpus.length - 1]), appPid);
    taskset(cpus.slice(0, -1).join(','), process.pid);
    return true;
  } catch {
    return false;
  }
}

/** Read once: pinning the load generator narrows what this process may run on. */
let cpusBeforePinning: number[] | undefined;

/** The CPUs this process may run on (a container may allow fewer than the machine has). */
function allowedCpus(): number[] {
  const answer = execFileSync('taskset', ['-pc', String(process.pid)], { encoding: 'utf8' });
  const list = answer.slice(answer.lastIndexOf(':') + 1).trim();
  return list.split(',').flatMap((part) => {
    const [first, last = first] = part.split('-').map(Number);
    return Array.from({ length: last - first + 1 }, (_, index) => first + index);
  });
}

/** `-a`: every thread of the process, libuv's and V8's included. */
function taskset(cpuList: string, pid: number): void {
  execFileSync('taskset', ['-apc', cpuList, String(pid)], { stdio: 'ignore' });
}
