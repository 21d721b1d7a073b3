import { ResilienceError } from './resilience.error.js';

/** One wrong option: where it is, where it came from, and why it is wrong. */
export interface ConfigIssue {
  /** Dotted path of the option, e.g. `defaults.retry.maxAttempts`. */
  path: string;
  /** What is wrong and which values are allowed. */
  message: string;
  /** Where the value came from (code, file, environment, decorator ...), when known. */
  source?: string;
}

/** Invalid options. Lists every wrong field, so one start-up shows all of them. */
export class ResilienceConfigError extends ResilienceError {
  constructor(readonly issues: ConfigIssue[]) {
    super(formatIssues(issues), 'INVALID_CONFIG');
  }
}

function formatIssues(issues: ConfigIssue[]): string {
  const lines = issues.map(
    (issue) =>
      `  - ${issue.path}: ${issue.message}${issue.source ? ` (from ${issue.source})` : ''}`,
  );
  return `Invalid resilience options:\n${lines.join('\n')}`;
}
