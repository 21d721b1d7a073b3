import type { ErrorCategory } from '../../core/classification/index.js';
import type { Unsubscribe } from '../../core/events/index.js';
import type { RecoveryContext } from '../recovery.types.js';

/**
 * A self-healing action: makes the next call likely to succeed (reconnect a client,
 * refresh a token, drop a cache). It runs before the retry; throwing abandons self-healing.
 */
export type HealingHook = (error: unknown, context: RecoveryContext) => Promise<void> | void;

/**
 * The user's self-healing hooks per error category, run in the order registered. The
 * built-in actions (Retry-After wait, memory cleanup, longer timeout) need no hook.
 */
export class SelfHealingHooks {
  private readonly hooks = new Map<ErrorCategory, HealingHook[]>();

  /** Adds a hook for a category; returns a function that removes it. */
  register(category: ErrorCategory, hook: HealingHook): Unsubscribe {
    const list = this.hooks.get(category) ?? [];
    list.push(hook);
    this.hooks.set(category, list);
    return () => {
      const current = this.hooks.get(category) ?? [];
      this.hooks.set(
        category,
        current.filter((candidate) => candidate !== hook),
      );
    };
  }

  /** The hooks of a category, in order. */
  for(category: ErrorCategory): readonly HealingHook[] {
    return this.hooks.get(category) ?? [];
  }

  /** Runs the category's hooks one after the other. */
  async run(category: ErrorCategory, error: unknown, context: RecoveryContext): Promise<void> {
    for (const hook of this.for(category)) await hook(error, context);
  }
}
