import type { OptionChecker } from './option-checker.js';

/**
 * Options a live policy cannot change (its name, its clock ...): left out, they keep
 * `fixed`'s value; given with another value, they are an issue on `checker`. Returns
 * `options` with the fixed values filled in (`undefined` counts as no options; anything
 * else that is not an object is returned as given: the policy's own check reports it).
 */
export function keepFixedOptions<T extends object>(
  options: T,
  fixed: Partial<T>,
  checker: OptionChecker,
): T {
  if (options === undefined) return { ...fixed } as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return options;
  const complete: T = { ...options };
  for (const field of Object.keys(fixed) as (keyof T & string)[]) {
    const given = options[field];
    if (given === undefined) complete[field] = fixed[field] as T[keyof T & string];
    else if (given !== fixed[field])
      checker.fail(field, 'is fixed when the policy is created: reconfigure() cannot change it');
  }
  return complete;
}
