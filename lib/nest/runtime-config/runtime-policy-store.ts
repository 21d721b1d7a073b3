import type { ResilienceStore } from '../../store/index.js';
import type { PolicySet } from '../options/index.js';

/** A runtime change as it travels between instances. */
export interface PolicyChangeMessage {
  from: string;
  name: string;
  changes: PolicySet;
}

const NAMESPACE = 'runtime-policies';
/** Saved changes outlive a fleet restart for this long (every key has a TTL). */
const SAVED_FOR_MS = 30 * 24 * 3_600_000;

/** The runtime changes of each named policy, accumulated in the store's values. */
export class RuntimePolicyStore {
  constructor(private readonly store: ResilienceStore) {}

  /** Adds `changes` to what is saved for `name` (later fields win). */
  async add(name: string, changes: PolicySet): Promise<void> {
    const saved = parseChanges(await this.store.values.get(NAMESPACE, name)) ?? {};
    const merged: Record<string, object> = { ...(saved as Record<string, object>) };
    for (const [kind, fields] of Object.entries(changes)) {
      merged[kind] = { ...merged[kind], ...(fields as object) };
    }
    await this.store.values.set(NAMESPACE, name, JSON.stringify(merged), SAVED_FOR_MS);
  }

  /** Every policy with saved runtime changes. */
  async all(): Promise<[string, PolicySet][]> {
    const names = await this.store.values.keys(NAMESPACE);
    const entries = await Promise.all(
      names.map(
        async (name) => [name, parseChanges(await this.store.values.get(NAMESPACE, name))] as const,
      ),
    );
    return entries.filter((entry): entry is [string, PolicySet] => entry[1] !== undefined);
  }

  /** A message from another instance, or `undefined` when it is not one of ours. */
  static parse(raw: string): PolicyChangeMessage | undefined {
    try {
      const message = JSON.parse(raw) as Partial<PolicyChangeMessage>;
      const valid = typeof message.from === 'string' && typeof message.name === 'string';
      return valid && isObject(message.changes) ? (message as PolicyChangeMessage) : undefined;
    } catch {
      return undefined;
    }
  }
}

function parseChanges(raw: string | undefined): PolicySet | undefined {
  if (raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isObject(value) ? (value as PolicySet) : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
