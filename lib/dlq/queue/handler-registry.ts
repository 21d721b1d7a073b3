import { ResilienceConfigError } from '../../core/index.js';
import type { DeadLetterHandlerFn, DeadLetterRetryOptions } from './dead-letter.types.js';

/** A type's handler and its retry options. */
export interface RegisteredHandler {
  handle: DeadLetterHandlerFn;
  options: DeadLetterRetryOptions;
  /** Where it came from, for the duplicate error (e.g. `OrdersNotifier.resend`). */
  source: string;
}

/** One handler per message type. */
export class DeadLetterHandlerRegistry {
  private readonly handlers = new Map<string, RegisteredHandler>();

  /** @throws ResilienceConfigError when `type` already has a handler. */
  register(type: string, handler: RegisteredHandler): void {
    const existing = this.handlers.get(type);
    if (existing) {
      throw new ResilienceConfigError([
        {
          path: `@DeadLetterHandler('${type}')`,
          message: `is declared twice: ${existing.source} and ${handler.source}`,
        },
      ]);
    }
    this.handlers.set(type, handler);
  }

  get(type: string): RegisteredHandler | undefined {
    return this.handlers.get(type);
  }

  has(type: string): boolean {
    return this.handlers.has(type);
  }

  types(): string[] {
    return [...this.handlers.keys()];
  }
}
