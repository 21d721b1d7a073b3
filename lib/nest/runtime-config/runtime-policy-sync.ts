import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Unsubscribe } from '../../core/index.js';
import type { ResilienceStore } from '../../store/index.js';
import { ResilienceEvents } from '../events/resilience-events.js';
import type { PolicySet } from '../options/index.js';
import { RESILIENCE_STORE } from '../resilience.constants.js';
import { PolicyReconfigurer } from './policy-reconfigurer.js';
import { RuntimePolicyStore, type PolicyChangeMessage } from './runtime-policy-store.js';

/**
 * With a shared (Redis) store, runtime policy changes reach every instance: a change made
 * here is saved in the store and published; the others apply it as it arrives, and an
 * instance that starts later applies the saved changes at bootstrap. Functions cannot
 * travel (JSON only): they stay as each instance configured them.
 */
@Injectable()
export class RuntimePolicySync implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Resilience');
  private readonly instanceId = randomUUID();
  private readonly saved: RuntimePolicyStore;
  private unsubscribers: Unsubscribe[] = [];
  private subscribed: Promise<void> = Promise.resolve();

  /** Settles once this instance receives other instances' changes (or gave up trying). */
  get ready(): Promise<void> {
    return this.subscribed;
  }

  constructor(
    @Inject(RESILIENCE_STORE) private readonly store: ResilienceStore,
    private readonly reconfigurer: PolicyReconfigurer,
    private readonly events: ResilienceEvents,
  ) {
    this.saved = new RuntimePolicyStore(store);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.store.distributed) return;
    this.unsubscribers.push(
      this.events.on('policy.reconfigured', (change) => {
        if (change.origin === 'local') void this.share(change.name, change.changes);
      }),
    );
    // Subscribing waits for Redis to be reachable: start-up must not wait for that.
    this.subscribed = this.subscribe();
    await this.applySaved();
  }

  onApplicationShutdown(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
  }

  private async subscribe(): Promise<void> {
    try {
      const unsubscribe = await this.store.messages.subscribe('policies', (raw) =>
        this.receive(raw),
      );
      this.unsubscribers.push(unsubscribe);
      // A change published before the subscription took hold is in the saved changes.
      await this.applySaved();
    } catch (error) {
      this.logger.warn(
        `Runtime policy changes from other instances are not received: ${String(error)}`,
      );
    }
  }

  private async applySaved(): Promise<void> {
    try {
      for (const [name, changes] of await this.saved.all()) this.apply(name, changes);
    } catch (error) {
      this.logger.warn(`Saved runtime policy changes could not be read: ${String(error)}`);
    }
  }

  private async share(name: string, changes: PolicySet): Promise<void> {
    try {
      await this.saved.add(name, changes);
      const message: PolicyChangeMessage = { from: this.instanceId, name, changes };
      await this.store.messages.publish('policies', JSON.stringify(message));
    } catch (error) {
      this.logger.warn(`Policy "${name}" changed here but could not be shared: ${String(error)}`);
    }
  }

  private receive(raw: string): void {
    const message = RuntimePolicyStore.parse(raw);
    if (message && message.from !== this.instanceId) this.apply(message.name, message.changes);
  }

  private apply(name: string, changes: PolicySet): void {
    try {
      this.reconfigurer.apply(name, changes, 'remote');
    } catch (error) {
      this.logger.warn(`Ignored a shared change of policy "${name}": ${String(error)}`);
    }
  }
}
