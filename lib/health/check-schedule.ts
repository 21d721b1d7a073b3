import type { SchedulerRegistry } from '@nestjs/schedule';

const PREFIX = 'bulwark:dependency:';

/**
 * One interval per dependency in Nest's `SchedulerRegistry` (so they are listed with the
 * app's other scheduled work), each removed when its dependency is unregistered or the
 * app shuts down.
 */
export class CheckSchedule {
  private readonly names = new Set<string>();

  constructor(private readonly scheduler: SchedulerRegistry) {}

  start(dependency: string, intervalMs: number, tick: () => void): void {
    this.stop(dependency);
    const name = PREFIX + dependency;
    this.scheduler.addInterval(name, setInterval(tick, intervalMs));
    this.names.add(name);
  }

  stop(dependency: string): void {
    const name = PREFIX + dependency;
    if (!this.names.delete(name)) return;
    if (this.scheduler.doesExist('interval', name)) this.scheduler.deleteInterval(name);
  }

  stopAll(): void {
    for (const name of [...this.names]) this.stop(name.slice(PREFIX.length));
  }

  /** The interval names in the scheduler registry, for tests and diagnostics. */
  get scheduled(): string[] {
    return [...this.names];
  }
}
