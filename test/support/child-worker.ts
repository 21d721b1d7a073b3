import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const workerFile = fileURLToPath(new URL('./children/store-worker.mjs', import.meta.url));

interface Reply {
  id?: number;
  ready?: boolean;
  result?: unknown;
  error?: string;
}

/** A child process running `children/store-worker.mjs`, driven by request/response messages. */
export class ChildWorker {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: Reply) => {
      if (reply.id !== undefined) this.pending.get(reply.id)?.(reply);
    });
  }

  /** Forks a worker over the compiled lib in `libDir` and waits until it is listening. */
  static start(libDir: string): Promise<ChildWorker> {
    const child = fork(workerFile, [libDir], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('message', () => resolve(new ChildWorker(child)));
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
      this.child.send({ id, type, ...args });
    });
  }

  /** Closes the worker's store and waits for the process to exit. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request('close').catch(() => undefined);
    await exited;
  }
}
