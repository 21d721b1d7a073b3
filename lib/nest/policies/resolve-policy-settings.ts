import { DEFAULT_POLICY_ORDER, ResilienceConfigError, type PolicyKind } from '../../core/index.js';
import type { ResilienceMetadata } from '../decorators/resilience-metadata.js';
import type { ResolvedResilienceOptions } from '../options/index.js';
import { describeMethod, type MethodIdentity } from './method-identity.js';
import type { PolicySettings } from './policy-settings.js';

type SettingValue = Record<string, unknown>;
const KINDS: readonly PolicyKind[] = DEFAULT_POLICY_ORDER;

/**
 * Fills each policy a method asks for: its own options, then the named policy, then the
 * module `defaults` (DESIGN §4a). Unknown names stop start-up, naming the method.
 */
export function resolvePolicySettings(
  metadata: ResilienceMetadata,
  options: ResolvedResilienceOptions,
  method: MethodIdentity,
): PolicySettings {
  const namedSet = metadata.policySet ? namedPolicySet(metadata.policySet, options, method) : {};
  const settings: PolicySettings = {
    order: metadata.order ?? options.order ?? DEFAULT_POLICY_ORDER,
    sharedNames: {},
    origins: {},
  };
  for (const kind of KINDS) {
    const own = metadata[kind];
    const fromSet = namedSet[kind];
    if (own === undefined && fromSet === undefined) continue;
    if (kind === 'fallback' && (typeof own === 'string' || typeof own === 'function')) {
      settings.fallback = own;
      continue;
    }
    const named = typeof own === 'string' ? namedPolicy(own, kind, options, method) : undefined;
    const sharedName =
      typeof own === 'string' ? own : own === undefined ? metadata.policySet : undefined;
    if (sharedName) settings.sharedNames[kind] = sharedName;
    const inline =
      typeof own === 'object'
        ? own
        : kind === 'timeout' && typeof own === 'number'
          ? { ms: own }
          : {};
    const origin = typeof own === 'string' ? own : fromSet ? metadata.policySet : undefined;
    if (origin) settings.origins[kind] = { policy: origin, overrides: inline };
    const specific = { ...(fromSet ?? {}), ...(named ?? {}), ...inline };
    (settings as unknown as Record<string, unknown>)[kind] = withDefaults(kind, specific, options);
  }
  return settings;
}

/** Fills what `specific` leaves open from the module `defaults` of that kind. */
export function withDefaults<T extends object>(
  kind: PolicyKind,
  specific: T,
  options: ResolvedResilienceOptions,
): T {
  const defaults =
    (options.defaults as unknown as Record<string, SettingValue | undefined>)[kind] ?? {};
  const applicable =
    kind === 'circuitBreaker' ? withoutOtherMode(defaults, specific as SettingValue) : defaults;
  return { ...applicable, ...specific } as T;
}

const RATE_MODE_KEYS = ['slidingWindow', 'failureRateThreshold', 'minimumCalls'];

/** A method that picks a breaker mode does not inherit the defaults of the other mode. */
function withoutOtherMode(defaults: SettingValue, specific: SettingValue): SettingValue {
  const drop =
    'slidingWindow' in specific
      ? ['failureThreshold']
      : 'failureThreshold' in specific
        ? RATE_MODE_KEYS
        : [];
  return Object.fromEntries(Object.entries(defaults).filter(([key]) => !drop.includes(key)));
}

function namedPolicySet(
  name: string,
  options: ResolvedResilienceOptions,
  method: MethodIdentity,
): Partial<Record<PolicyKind, SettingValue>> {
  const set = options.policies[name];
  if (!set) throw unknownName(method, `@Resilient('${name}')`, `policies.${name}`);
  return set as Partial<Record<PolicyKind, SettingValue>>;
}

function namedPolicy(
  name: string,
  kind: PolicyKind,
  options: ResolvedResilienceOptions,
  method: MethodIdentity,
): SettingValue {
  const value = (options.policies[name] as Record<string, SettingValue | undefined> | undefined)?.[
    kind
  ];
  if (!value)
    throw unknownName(method, `${decoratorOf(kind)}('${name}')`, `policies.${name}.${kind}`);
  return value;
}

function unknownName(
  method: MethodIdentity,
  decorator: string,
  path: string,
): ResilienceConfigError {
  return new ResilienceConfigError([
    {
      path: describeMethod(method),
      message: `${decorator} names a policy that is not configured: add ${path} to ResilienceModule.forRoot()`,
      source: 'decorator',
    },
  ]);
}

/** The decorator that configures a policy kind, for messages. */
export function decoratorOf(kind: PolicyKind): string {
  return `@${kind[0].toUpperCase()}${kind.slice(1)}`;
}
