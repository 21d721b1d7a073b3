import type { SchedulerRegistry } from '@nestjs/schedule';

/**
 * Runs `task` every `ms` as a named interval of the app's `SchedulerRegistry` (unref'd, so
 * it never keeps the process alive). Returns the function that removes it; call it on
 * shutdown. A task that throws is reported to `onError` and the interval goes on.
 */
export function scheduleInterval(
  scheduler: SchedulerRegistry,
  name: string,
  ms: number,
  task: () => unknown,
  onError: (error: unknown) => void,
): () => void {
  const run = (): void => {
    try {
      const result = task();
      if (result instanceof Promise) result.catch(onError);
    } catch (error) {
      onError(error);
    }
  };
  const timer = setInterval(run, ms);
  timer.unref();
  scheduler.addInterval(name, timer);
  return () => {
    if (scheduler.doesExist('interval', name)) scheduler.deleteInterval(name);
    else clearInterval(timer);
  };
}
