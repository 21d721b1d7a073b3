import { fork } from 'node:child_process';
import { join } from 'node:path';
import { benchDist } from './paths.js';
import type { GroupRun } from './types.js';

interface ResultMessage {
  type: 'result';
  run: GroupRun;
}

function isResultMessage(message: unknown): message is ResultMessage {
  return (message as Partial<ResultMessage> | null)?.type === 'result';
}

/** Sends a group's result to the orchestrator, then exits (peers may leave timers behind). */
export function reportToParent(run: GroupRun): void {
  const message: ResultMessage = { type: 'result', run };
  process.send!(message, () => process.exit(0));
}

/**
 * Runs one group in a fresh process (its own heap and JIT state, `global.gc` exposed) and
 * resolves with what it reports. The child's stderr is passed through as progress output.
 */
export function runGroupInChild(group: string, timeoutMs: number): Promise<GroupRun> {
  return new Promise((resolve, reject) => {
    const child = fork(join(benchDist, 'child.js'), [group], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    let stderrTail = '';
    let run: GroupRun | undefined;
    child.stderr!.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString()).slice(-1500);
    });
    child.on('message', (message) => {
      if (isResultMessage(message)) run = message.run;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (run) resolve(run);
      else {
        const reason = signal === 'SIGKILL' ? `timed out after ${timeoutMs} ms` : `exit ${code}`;
        reject(new Error(`${group} child ${reason} without a result. ${stderrTail.trim()}`));
      }
    });
  });
}
