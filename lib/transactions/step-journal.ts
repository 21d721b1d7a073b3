import type { Compensation } from './transaction.types.js';

interface Entry {
  name: string;
  /** Set once the action succeeded. */
  undo?: () => Promise<unknown> | unknown;
}

/**
 * The steps of one transaction in the order they started (a parent before its nested
 * steps), which of them completed, and the actions still running.
 */
export class StepJournal {
  private readonly entries: Entry[] = [];
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /** Runs a step's action and, when it succeeds, keeps its compensation. */
  async run<T>(
    name: string,
    action: () => Promise<T> | T,
    compensate?: Compensation<T>,
  ): Promise<T> {
    if (this.closed) throw new Error(`Step "${name}" started after its transaction had finished`);
    const entry: Entry = { name };
    this.entries.push(entry);
    const pending = Promise.resolve().then(action);
    this.running.add(pending);
    try {
      const result = await pending;
      if (compensate) entry.undo = () => compensate(result);
      return result;
    } finally {
      this.running.delete(pending);
    }
  }

  /** Stops new steps and waits for the running ones to settle, so none is missed. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Completed steps with a compensation, last started first. */
  toUndo(): { name: string; undo: () => Promise<unknown> | unknown }[] {
    return this.entries
      .filter((entry) => entry.undo !== undefined)
      .reverse()
      .map((entry) => ({ name: entry.name, undo: entry.undo as () => unknown }));
  }
}
