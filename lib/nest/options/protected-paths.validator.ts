import type { OptionChecker } from '../../core/validation/index.js';
import { checkKnownKeys } from './known-keys.js';

/** `protectedPaths`: each entry names a prefix starting with `/` and a configured policy. */
export function checkProtectedPaths(
  checker: OptionChecker,
  paths: unknown,
  policies: unknown,
): void {
  if (paths === undefined) return;
  if (!Array.isArray(paths)) {
    checker.fail('protectedPaths', 'must be an array of { prefix, policy, instancePer? }');
    return;
  }
  const known = typeof policies === 'object' && policies !== null ? Object.keys(policies) : [];
  paths.forEach((entry: unknown, index) => {
    const item = checker.child(`protectedPaths.${index}`);
    if (typeof entry !== 'object' || entry === null) {
      item.fail('prefix', 'each entry must be an object { prefix, policy }');
      return;
    }
    const path = entry as Record<string, unknown>;
    checkKnownKeys(item, path, ['prefix', 'policy', 'instancePer']);
    if (typeof path.prefix !== 'string' || !path.prefix.startsWith('/')) {
      item.fail('prefix', 'must be a path starting with /');
    }
    if (typeof path.policy !== 'string' || !known.includes(path.policy)) {
      item.fail(
        'policy',
        `must name a policy of policies (${known.join(', ') || 'none configured'})`,
      );
    }
    item.oneOf('instancePer', path.instancePer, ['prefix', 'route']);
  });
}
