import { BadRequestException } from '@nestjs/common';
import type { ConfigIssue } from '../../core/errors/index.js';

/** 400 naming every problem of a request body: `message` for people, `issues` for programs. */
export function invalidBody(what: string, issues: readonly ConfigIssue[]): BadRequestException {
  const described = issues.map((issue) => ({
    path: issue.path || '(body)',
    message: issue.message,
  }));
  const message = `Invalid ${what}: ${described.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message,
    issues: described,
  });
}
