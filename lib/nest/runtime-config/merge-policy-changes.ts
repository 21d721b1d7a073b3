import type { PolicyKind } from '../../core/index.js';
import type { PolicySet, ResolvedPolicySet } from '../options/index.js';

/**
 * The named policy after `changes`: per kind, the changed fields replace the old ones
 * (objects such as `slidingWindow` are replaced whole; `timeout: 2000` means `{ ms: 2000 }`;
 * a field set to `null` is removed, so its default applies again).
 */
export function mergePolicyChanges(
  current: ResolvedPolicySet,
  changes: PolicySet,
): ResolvedPolicySet {
  const merged: Record<string, unknown> = { ...current };
  for (const [kind, fields] of Object.entries(changes) as [PolicyKind, unknown][]) {
    const given = kind === 'timeout' && typeof fields === 'number' ? { ms: fields } : fields;
    merged[kind] = withoutRemoved({
      ...(current[kind] as object | undefined),
      ...(given as object),
    });
  }
  return merged as ResolvedPolicySet;
}

/** Dotted paths (`kind.field`) of every field that `changes` sets. */
export function changedFields(changes: PolicySet): string[] {
  return Object.entries(changes).flatMap(([kind, fields]) =>
    typeof fields === 'number'
      ? [`${kind}.ms`]
      : Object.keys(fields as object).map((field) => `${kind}.${field}`),
  );
}

function withoutRemoved(fields: object): object {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null));
}
