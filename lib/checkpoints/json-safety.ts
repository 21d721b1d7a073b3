/** Where a value is not JSON-safe and why, or `undefined` when it is. */
export interface JsonSafetyIssue {
  path: string;
  reason: string;
}

/**
 * Checks that `value` survives `JSON.stringify` then `JSON.parse` unchanged: plain objects
 * and arrays of strings, finite numbers, booleans and null. An `undefined` property is
 * allowed (it is simply absent after the trip); anything else that JSON would drop, turn
 * into null or a string (functions, symbols, bigint, NaN, Dates, Maps, class instances,
 * cycles) is reported with its path.
 */
export function jsonSafetyIssue(value: unknown, path = 'state'): JsonSafetyIssue | undefined {
  return check(value, path, new Set());
}

function check(value: unknown, path: string, ancestors: Set<object>): JsonSafetyIssue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? undefined
      : { path, reason: `is ${value}, not a finite number` };
  }
  if (typeof value !== 'object') return { path, reason: `is a ${typeof value}` };
  if (ancestors.has(value)) return { path, reason: 'refers back to itself (a cycle)' };
  ancestors.add(value);
  const issue = Array.isArray(value)
    ? checkArray(value, path, ancestors)
    : checkObject(value, path, ancestors);
  ancestors.delete(value);
  return issue;
}

function checkArray(
  value: unknown[],
  path: string,
  ancestors: Set<object>,
): JsonSafetyIssue | undefined {
  for (let index = 0; index < value.length; index++) {
    const item = value[index];
    if (item === undefined)
      return { path: `${path}[${index}]`, reason: 'is undefined (JSON makes it null)' };
    const issue = check(item, `${path}[${index}]`, ancestors);
    if (issue) return issue;
  }
  return undefined;
}

function checkObject(
  value: object,
  path: string,
  ancestors: Set<object>,
): JsonSafetyIssue | undefined {
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    return {
      path,
      reason: `is a ${value.constructor?.name ?? 'class instance'}, not a plain object`,
    };
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const issue = check(item, `${path}.${key}`, ancestors);
    if (issue) return issue;
  }
  return undefined;
}
