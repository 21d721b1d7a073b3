import { type ChildProcess, fork } from 'node:child_process';
import { type AppMessage, CLOSE_APP, REPORT_CPU } from './messages.js';

export interface RunningApp {
  url: string;
  /** The app's process id. */
  pid: number;
  /** The CPU time the app's process has used so far (user + system, microseconds). */
  cpuMicros(): Promise<number>;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;
const CLOSE_TIMEOUT_MS = 5_000;

/** Forks a compiled `*.app.js` and resolves once it listens; rejects with the app's reason. */
export function startApp(file: string): Promise<RunningApp> {
  return new Promise((resolve, reject) => {
    const child = fork(file, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderrTail = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderrTail = (stderrTail + chunk.toString()).slice(-1000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`did not start within ${START_TIMEOUT_MS} ms. ${stderrTail.trim()}`));
    }, START_TIMEOUT_MS);
    child.on('message', (message: AppMessage) => {
      clearTimeout(timer);
      if (message.type === 'ready') {
        resolve({
          url: `http://127.0.0.1:${message.port}`,
          pid: child.pid!,
          cpuMicros: () => cpuMicrosOf(child),
          close: () => stop(child),
        });
      } else if (message.type === 'failed') {
        reject(new Error(message.reason));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening. ${stderrTail.trim()}`));
    });
  });
}

function cpuMicrosOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const answer = (message: AppMessage): void => {
      if (message.type !== 'cpu') return;
      child.off('message', answer);
      resolve(message.micros);
    };
    child.on('message', answer);
    child.send(REPORT_CPU);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send(CLOSE_APP);
  });
}
