import type { PolicyKind } from '../../core/index.js';
import type { OptionSource, ResolvedResilienceOptions } from '../options/index.js';
import { withDefaults } from '../policies/resolve-policy-settings.js';

/** A named policy as it is in force, with where each value came from. */
export interface NamedPolicyView {
  name: string;
  /** Per kind, the effective settings (the named policy's own, then `defaults`). */
  settings: Partial<Record<PolicyKind, Record<string, unknown>>>;
  /** Per `kind.field`: default, preset, file, code, environment or runtime. */
  sources: Record<string, OptionSource>;
}

/** Every named policy with its effective settings and their sources. */
export function describePolicies(options: ResolvedResilienceOptions): NamedPolicyView[] {
  return Object.entries(options.policies).map(([name, set]) => {
    const view: NamedPolicyView = { name, settings: {}, sources: {} };
    for (const [kind, own] of Object.entries(set) as [PolicyKind, object][]) {
      const effective = withDefaults(kind, own, options) as Record<string, unknown>;
      view.settings[kind] = serializable(effective);
      for (const field of Object.keys(view.settings[kind]!)) {
        view.sources[`${kind}.${field}`] =
          options.sources[`policies.${name}.${kind}.${field}`] ??
          options.sources[`defaults.${kind}.${field}`] ??
          'default';
      }
    }
    return view;
  });
}

/** Functions (isFailure, key ...) are shown by name: JSON cannot carry them. */
function serializable(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(settings).map(([field, value]) => [
      field,
      typeof value === 'function' ? `[function ${value.name || 'anonymous'}]` : value,
    ]),
  );
}
