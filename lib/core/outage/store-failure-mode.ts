/**
 * What a store-backed policy does while the shared store fails: `fail-open` lets calls
 * through unjudged, `fail-closed` rejects them with `StoreUnavailableError`, `local` judges
 * them in this process (an in-memory insurance copy) until the store answers again.
 */
export type StoreFailureMode = 'fail-open' | 'fail-closed' | 'local';

/** Every {@link StoreFailureMode}, for validation messages. */
export const STORE_FAILURE_MODES: readonly StoreFailureMode[] = [
  'fail-open',
  'fail-closed',
  'local',
];
