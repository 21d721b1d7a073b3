import type { OptionChecker } from '../../core/validation/index.js';

/** What the validator may ask about where a value came from. */
export interface SourceLookup {
  /** How issues name the source of the value at a dotted path (or of a group's values). */
  describe(path: string): string | undefined;
  /** The rank of the layer that set it: higher is later (environment highest); -1 when unset. */
  precedence(path: string): number;
}

/**
 * Reports two options that cannot both hold. The issue lands on the one set by the later
 * layer (most likely the one just written, rather than a default nobody chose), and names
 * where the other came from. `explain` gets the reported path and a reference to the other.
 * Nothing is reported when either value is already reported as wrong on its own.
 */
export function failConflict(
  root: OptionChecker,
  sources: SourceLookup,
  [first, second]: readonly [string, string],
  explain: (reported: string, other: string) => string,
): void {
  if (root.issues.some((issue) => issue.path === first || issue.path === second)) return;
  const [reported, other] =
    sources.precedence(first) > sources.precedence(second) ? [first, second] : [second, first];
  const otherSource = sources.describe(other);
  root.fail(reported, explain(reported, `${other}${otherSource ? ` (from ${otherSource})` : ''}`));
}
