import { ResilienceConfigError, type ConfigIssue } from '../errors/index.js';

/**
 * Collects every wrong option instead of stopping at the first, so one error can list
 * them all. `undefined` values are skipped: the checks apply to what was given.
 */
export class OptionChecker {
  readonly issues: ConfigIssue[] = [];

  constructor(
    private readonly prefix = '',
    private readonly source?: string,
  ) {}

  /** A checker for a nested group, sharing this checker's issue list. */
  child(group: string): OptionChecker {
    const nested = new OptionChecker(this.path(group), this.source);
    (nested as { issues: ConfigIssue[] }).issues = this.issues;
    return nested;
  }

  fail(name: string, message: string): this {
    this.issues.push({ path: this.path(name), message, source: this.source });
    return this;
  }

  nonNegative(name: string, value: unknown): this {
    if (value === undefined) return this;
    if (!isFiniteNumber(value) || value < 0)
      this.fail(name, `must be a number >= 0, got ${show(value)}`);
    return this;
  }

  positive(name: string, value: unknown): this {
    if (value === undefined) return this;
    if (!isFiniteNumber(value) || value <= 0)
      this.fail(name, `must be a number > 0, got ${show(value)}`);
    return this;
  }

  integerAtLeast(name: string, value: unknown, min: number): this {
    if (value === undefined) return this;
    if (!Number.isInteger(value) || (value as number) < min) {
      this.fail(name, `must be an integer >= ${min}, got ${show(value)}`);
    }
    return this;
  }

  /** A percentage in (0, 100]. */
  percentage(name: string, value: unknown): this {
    if (value === undefined) return this;
    if (!isFiniteNumber(value) || value <= 0 || value > 100) {
      this.fail(name, `must be a percentage in (0, 100], got ${show(value)}`);
    }
    return this;
  }

  /** A ratio in [0, 1]. */
  ratio(name: string, value: unknown): this {
    if (value === undefined) return this;
    if (!isFiniteNumber(value) || value < 0 || value > 1) {
      this.fail(name, `must be a number between 0 and 1, got ${show(value)}`);
    }
    return this;
  }

  oneOf(name: string, value: unknown, allowed: readonly string[]): this {
    if (value === undefined) return this;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.fail(
        name,
        `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${show(value)}`,
      );
    }
    return this;
  }

  isFunction(name: string, value: unknown): this {
    if (value === undefined) return this;
    if (typeof value !== 'function') this.fail(name, `must be a function, got ${show(value)}`);
    return this;
  }

  isBoolean(name: string, value: unknown): this {
    if (value === undefined) return this;
    if (typeof value !== 'boolean') this.fail(name, `must be true or false, got ${show(value)}`);
    return this;
  }

  isString(name: string, value: unknown): this {
    if (value === undefined) return this;
    if (typeof value !== 'string' || value.length === 0) {
      this.fail(name, `must be a non-empty string, got ${show(value)}`);
    }
    return this;
  }

  isObject(name: string, value: unknown): boolean {
    if (value === undefined) return false;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.fail(name, `must be an object, got ${show(value)}`);
      return false;
    }
    return true;
  }

  /**
   * The options as a plain record, or `undefined` when there are none (nothing to check)
   * or they are not an object (recorded as an issue).
   */
  optionsObject(options: unknown): Record<string, unknown> | undefined {
    if (options === undefined) return undefined;
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      this.fail('options', 'must be an object');
      return undefined;
    }
    return options as Record<string, unknown>;
  }

  /** Throws one {@link ResilienceConfigError} listing every issue found, if any. */
  throwIfInvalid(): void {
    if (this.issues.length > 0) throw new ResilienceConfigError(this.issues);
  }

  private path(name: string): string {
    return this.prefix ? `${this.prefix}.${name}` : name;
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function show(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return `'${value}'`;
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
