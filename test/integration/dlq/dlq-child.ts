import { fileURLToPath } from 'node:url';
import { ChildWorker } from '../../support/child-worker.js';

const dlqWorkerFile = fileURLToPath(new URL('./children/dlq-worker.mjs', import.meta.url));

/** A child process running a dead-letter queue (`children/dlq-worker.mjs`). */
export function startDlqChild(libDir: string): Promise<ChildWorker> {
  return ChildWorker.start(libDir, dlqWorkerFile);
}

/** The ids of the messages whose handler started in `child`. */
export function startedIn(child: ChildWorker): string[] {
  return child.events.filter((event) => event.event === 'started').map((event) => String(event.id));
}
