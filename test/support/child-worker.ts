import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const storeWorkerFile = fileURLToPath(new URL('./children/store-worker.mjs', import.meta.url));

/** A message from a worker: a reply (`id`, `result` or `error`) or an event it sent itself. */
export interface WorkerMessage {
  id?: number;
  event?: string;
  result?: unknown;
  error?: string;
  [field: string]: unknown;
}

/**
 * A child process running a worker script (by default `children/store-worker.mjs`) over the
 * compiled lib, driven by request/response messages. Messages with an `event` are kept in
 * `events` rather than taken as replies.
 */
export class ChildWorker {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: WorkerMessage) => void>();
  /** What the worker reported on its own, in order. */
  readonly events: WorkerMessage[] = [];

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: WorkerMessage) => {
      if (message.event !== undefined) this.events.push(message);
      else if (message.id !== undefined) this.pending.get(message.id)?.(message);
    });
  }

  /** Forks `workerFile` over the compiled lib in `libDir` and waits until it is listening. */
  static start(libDir: string, workerFile = storeWorkerFile): Promise<ChildWorker> {
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

  /** SIGKILL: no cleanup, like a crash. Resolves once the process is gone. */
  kill(): Promise<void> {
    if (this.hasExited) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGKILL');
    return exited;
  }

  /** Asks the worker to close (its store) and waits for the process to exit. */
  async stop(): Promise<void> {
    if (this.hasExited) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    await this.request('close').catch(() => undefined);
    await exited;
  }

  private get hasExited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }
}
