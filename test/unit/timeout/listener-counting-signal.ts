/**
 * A caller's signal whose abort listeners are tracked (cockatiel #81): `active` is how
 * many are still attached, `added` how many were ever attached.
 */
export function countingSignal() {
  const controller = new AbortController();
  const signal = controller.signal;
  const listeners = new Set<unknown>();
  let added = 0;
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, listener: EventListener, options?: unknown) => {
    added++;
    listeners.add(listener);
    add(type, listener, options as AddEventListenerOptions);
  }) as typeof signal.addEventListener;
  signal.removeEventListener = ((type: string, listener: EventListener, options?: unknown) => {
    listeners.delete(listener);
    remove(type, listener, options as EventListenerOptions);
  }) as typeof signal.removeEventListener;
  return {
    controller,
    signal,
    get active() {
      return listeners.size;
    },
    get added() {
      return added;
    },
  };
}
