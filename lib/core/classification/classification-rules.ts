import { OptionChecker } from '../validation/index.js';
import { classifyError } from './classify-error.js';
import {
  ERROR_CATEGORIES,
  ERROR_SEVERITIES,
  RECOVERY_STRATEGIES,
  type ClassificationContext,
  type ClassificationRule,
  type ErrorClassification,
} from './error-classification.js';

/**
 * The classifier without a framework: user rules, in the order added, before the built-in
 * reading ({@link classifyError}). The first matching rule wins; its omitted fields come
 * from the built-in reading. A rule whose `match` throws is skipped.
 *
 * @example
 * const rules = new ClassificationRules();
 * rules.addRule({ name: 'stripe-card', match: (e) => (e as StripeError).type === 'card_error', category: 'validation' });
 * rules.classify(error); // { category: 'validation', severity: 'LOW', retryable: false, ... }
 */
export class ClassificationRules {
  private readonly rules: ClassificationRule[] = [];

  /** Adds a rule after the ones already added. @throws ResilienceConfigError on a bad rule. */
  addRule(rule: ClassificationRule): void {
    checkRule(rule);
    this.rules.push({ ...rule });
  }

  /** The rules, in the order they are tried. */
  list(): readonly ClassificationRule[] {
    return this.rules;
  }

  /** The first matching rule's reading (gaps from the built-in one), else the built-in reading. */
  classify(error: unknown, context?: ClassificationContext): ErrorClassification {
    const builtIn = classifyError(error);
    const rule = this.rules.find((candidate) => matches(candidate, error, context));
    if (!rule) return builtIn;
    return {
      category: rule.category,
      severity: rule.severity ?? builtIn.severity,
      retryable: rule.retryable ?? builtIn.retryable,
      suggestedStrategy: rule.suggestedStrategy ?? builtIn.suggestedStrategy,
    };
  }
}

function matches(
  rule: ClassificationRule,
  error: unknown,
  context: ClassificationContext | undefined,
): boolean {
  try {
    return rule.match(error, context) === true;
  } catch {
    // A faulty rule must not turn one failure into another.
    return false;
  }
}

function checkRule(rule: ClassificationRule): void {
  const checker = new OptionChecker('classifier.rule');
  if (typeof rule !== 'object' || rule === null) checker.fail('rule', 'must be an object');
  else {
    if (rule.name === undefined) checker.fail('name', 'is required');
    if (rule.match === undefined) checker.fail('match', 'is required: (error, context) => boolean');
    if (rule.category === undefined) checker.fail('category', 'is required');
    checker
      .isString('name', rule.name)
      .isFunction('match', rule.match)
      .oneOf('category', rule.category, ERROR_CATEGORIES)
      .oneOf('severity', rule.severity, ERROR_SEVERITIES)
      .isBoolean('retryable', rule.retryable)
      .oneOf('suggestedStrategy', rule.suggestedStrategy, RECOVERY_STRATEGIES);
  }
  checker.throwIfInvalid();
}
