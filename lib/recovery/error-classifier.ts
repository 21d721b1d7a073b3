import { Inject, Injectable } from '@nestjs/common';
import {
  ClassificationRules,
  ErrorCorrelator,
  type ClassificationContext,
  type ClassificationRule,
  type ErrorClassification,
  type Incident,
} from '../core/classification/index.js';
import type { Clock } from '../core/clock/index.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { RecoveryDependencies } from './dependencies/recovery-dependencies.js';
import { RECOVERY_CLOCK } from './recovery.tokens.js';

/**
 * Classifies errors: `{ category, severity, retryable, suggestedStrategy }` from error
 * classes (this library's, Nest's `HttpException`s), Node codes, HTTP statuses (Nest,
 * axios, fetch), PostgreSQL / MySQL / MongoDB codes and messages, after the user's rules.
 * Errors classified with a `serviceId` are correlated: `incident()` reports the services
 * failing together and their probable origin.
 *
 * @example
 * classifier.addRule({ name: 'stripe-card', match: (e) => e instanceof Stripe.errors.StripeCardError, category: 'validation' });
 * const { category, retryable } = classifier.classify(error, { serviceId: 'payments' });
 */
@Injectable()
export class ErrorClassifier {
  private readonly rules = new ClassificationRules();
  private readonly correlator: ErrorCorrelator;

  constructor(
    @Inject(RESILIENCE_OPTIONS) options: ResolvedResilienceOptions,
    @Inject(RECOVERY_CLOCK) clock: Clock,
    private readonly dependencies: RecoveryDependencies,
  ) {
    this.correlator = new ErrorCorrelator({
      windowMs: options.recovery.correlationWindowMs,
      clock,
    });
  }

  /** Reads an error; with `context.serviceId` it also counts towards correlation. */
  classify(error: unknown, context?: ClassificationContext): ErrorClassification {
    const classification = this.rules.classify(error, context);
    if (context?.serviceId) this.correlator.record(context.serviceId, classification.category);
    return classification;
  }

  /**
   * Adds a rule, tried after the rules added before it and before the built-in reading.
   * @throws ResilienceConfigError on a bad rule.
   */
  addRule(rule: ClassificationRule): void {
    this.rules.addRule(rule);
  }

  /** The user's rules, in the order they are tried. */
  listRules(): readonly ClassificationRule[] {
    return this.rules.list();
  }

  /** The services failing together within the correlation window, or `undefined`. */
  incident(): Incident | undefined {
    return this.correlator.incident(this.dependencies);
  }
}
