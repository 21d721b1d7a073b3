import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import type { ResilienceStore } from '../../store/index.js';
import { RESILIENCE_STORE } from '../resilience.constants.js';

/**
 * Looks after the app's store: logs a warning once when it becomes unreachable (not per
 * call) and once when it answers again, and closes it when the app shuts down.
 */
@Injectable()
export class ResilienceStoreHost implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Resilience');

  constructor(@Inject(RESILIENCE_STORE) private readonly store: ResilienceStore) {}

  onModuleInit(): void {
    const kind = this.store.kind;
    this.store.on('unavailable', ({ error }) =>
      this.logger.warn(
        `The ${kind} store is unreachable (${describe(error)}): rate limiters follow their ` +
          'onStoreFailure and shared breakers decide in this process until it answers',
      ),
    );
    this.store.on('available', () =>
      this.logger.log(`The ${kind} store answers again: shared state is in use`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
