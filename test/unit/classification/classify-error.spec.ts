import {
  CATEGORY_DEFAULTS,
  ClassificationRules,
  ERROR_CATEGORIES,
  ResilienceConfigError,
  classifyError,
} from 'nestjs-bulwark';
import { ERROR_SHAPES, systemError } from './error-shapes.js';

describe('classifyError: real error shapes', () => {
  it('has a table of at least 40 shapes', () => {
    expect(ERROR_SHAPES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ERROR_SHAPES)('%s', (_name, make, expected) => {
    const reading = classifyError(make());
    expect(reading).toMatchObject(expected);
    expect(ERROR_CATEGORIES).toContain(reading.category);
  });

  it('fills what a match leaves out from its category', () => {
    expect(classifyError(systemError('ECONNREFUSED', 'x'))).toEqual({
      category: 'connection',
      ...CATEGORY_DEFAULTS.connection,
    });
  });

  it('does not loop on a cause cycle', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(classifyError(a).category).toBe('unknown');
  });
});

describe('ClassificationRules', () => {
  it('runs user rules first, in order; the first match wins; gaps come from the built-in reading', () => {
    const rules = new ClassificationRules();
    rules.addRule({
      name: 'card',
      match: (e) => (e as { type?: string }).type === 'card',
      category: 'validation',
    });
    rules.addRule({ name: 'all', match: () => true, category: 'database', severity: 'LOW' });
    const card = Object.assign(systemError('ECONNRESET', 'x'), { type: 'card' });
    expect(rules.classify(card)).toEqual({
      category: 'validation',
      severity: 'HIGH',
      retryable: true,
      suggestedStrategy: 'exponential_backoff',
    });
    expect(rules.classify(new Error('boom'))).toMatchObject({
      category: 'database',
      severity: 'LOW',
    });
  });

  it('passes the context to the rule and skips a rule that throws', () => {
    const rules = new ClassificationRules();
    rules.addRule({
      name: 'broken',
      match: () => {
        throw new Error('bug');
      },
      category: 'database',
    });
    rules.addRule({
      name: 'billing',
      match: (_e, ctx) => ctx?.serviceId === 'billing',
      category: 'not_found',
      retryable: true,
    });
    expect(rules.classify(new Error('x'), { serviceId: 'billing' })).toMatchObject({
      category: 'not_found',
      retryable: true,
    });
    expect(rules.classify(new Error('x'), { serviceId: 'other' }).category).toBe('unknown');
  });

  it('refuses a bad rule naming every wrong field', () => {
    const rules = new ClassificationRules();
    const bad = { name: '', match: 'yes', category: 'nope', severity: 'HUGE' } as never;
    expect(() => rules.addRule(bad)).toThrow(ResilienceConfigError);
    expect(() => rules.addRule(bad)).toThrow(/name[\s\S]*match[\s\S]*category[\s\S]*severity/);
    expect(rules.list()).toHaveLength(0);
  });
});
