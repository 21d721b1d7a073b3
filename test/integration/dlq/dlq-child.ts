import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const workerFile = fileURLToPath(new URL('./children/dlq-worker.mjs', import.meta.url));

interface Reply {
  id?: number;
  event?: string;
  result?: unknown;
  error?: string;
  [field: string]: unknown;
}

/** A child process running a dead-letter queue, driven by request/response messages. */
export class DlqChild {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  /** Every id a handler of this process started. */
  readonly started: string[] = [];

  private constructor(readonly process: ChildProcess) {
    process.on('message', (reply: Reply) => {
      if (reply.event === 'started') this.started.push(String(reply.id));
      else if (reply.id !== undefined) this.pending.get(reply.id)?.(reply);
    });
  }

  static start(libDir: string): Promise<DlqChild> {
    const child = fork(workerFile, [libDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(new DlqChild(child)));
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
  }

  request<T>(type: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) => {
        this.pending.delete(id);
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply.result as T);
      });
      this.process.send({ id, type, ...args });
    });
  }

  /** SIGKILL: no cleanup, like a crash. Resolves once the process is gone. */
  kill(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null)
      return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    this.process.kill('SIGKILL');
    return exited;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    await this.request('close').catch(() => undefined);
    await exited;
  }
}
