/** A caller waiting for a slot. */
interface Waiter {
  grant(): void;
  refuse(reason: unknown): void;
  signal?: AbortSignal;
  onAbort: () => void;
}

/**
 * The FIFO queue of callers waiting for a bulkhead slot. A waiter whose signal aborts
 * leaves the queue at once (rejecting with the signal's reason), so it neither holds a
 * place nor is handed a slot later; a `Set` keeps arrival order and removes in O(1).
 */
export class SlotQueue {
  private readonly waiters = new Set<Waiter>();

  get size(): number {
    return this.waiters.size;
  }

  /** Resolves when {@link handOver} gives this caller a slot. */
  wait(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        grant: resolve,
        refuse: reject,
        onAbort: () => {
          this.waiters.delete(waiter);
          reject(signal?.reason);
        },
      };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
    });
  }

  /** Gives a freed slot to the longest waiting caller; false when nobody waits. */
  handOver(): boolean {
    const first = this.waiters.values().next();
    if (first.done) return false;
    const waiter = first.value;
    this.waiters.delete(waiter);
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    waiter.grant();
    return true;
  }

  /**
   * Rejects the most recent waiters with `reason` until at most `keep` wait; returns how
   * many it rejected. The longest waiting keep their place.
   */
  dropNewest(keep: number, reason: () => unknown): number {
    const dropped = [...this.waiters].slice(keep);
    for (const waiter of dropped) {
      this.waiters.delete(waiter);
      waiter.signal?.removeEventListener('abort', waiter.onAbort);
      waiter.refuse(reason());
    }
    return dropped.length;
  }
}
