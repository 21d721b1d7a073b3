import type { BenchConfig } from '../config.js';
import type { GroupRun } from '../harness/types.js';

/** A comparison that runs in its own child process. */
export interface BenchGroup {
  name: string;
  run(config: BenchConfig): Promise<GroupRun>;
}
