import {
  BadGatewayException,
  BadRequestException,
  ConflictException,
  ForbiddenException,
  GatewayTimeoutException,
  GoneException,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  RequestTimeoutException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnprocessableEntityException,
  type INestApplication,
} from '@nestjs/common';
import {
  ErrorClassifier,
  RecoveryOrchestrator,
  ResilienceConfigError,
  type ErrorCategory,
} from 'nestjs-bulwark';
import { recoveryApp } from './recovery-app.js';

const NEST_EXCEPTIONS: [string, () => unknown, ErrorCategory][] = [
  ['BadRequestException', () => new BadRequestException('bad'), 'validation'],
  ['UnauthorizedException', () => new UnauthorizedException(), 'authentication'],
  ['ForbiddenException', () => new ForbiddenException(), 'authorization'],
  ['NotFoundException', () => new NotFoundException(), 'not_found'],
  ['GoneException', () => new GoneException(), 'not_found'],
  ['RequestTimeoutException', () => new RequestTimeoutException(), 'timeout'],
  ['ConflictException', () => new ConflictException(), 'validation'],
  ['PayloadTooLargeException', () => new PayloadTooLargeException(), 'validation'],
  ['UnprocessableEntityException', () => new UnprocessableEntityException(), 'validation'],
  [
    'HttpException 429',
    () => new HttpException('slow down', HttpStatus.TOO_MANY_REQUESTS),
    'rate_limit',
  ],
  ['InternalServerErrorException', () => new InternalServerErrorException(), 'server_error'],
  ['BadGatewayException', () => new BadGatewayException(), 'server_error'],
  ['ServiceUnavailableException', () => new ServiceUnavailableException(), 'server_error'],
  ['GatewayTimeoutException', () => new GatewayTimeoutException(), 'timeout'],
];

describe('ErrorClassifier (Nest provider)', () => {
  let app: INestApplication;
  let classifier: ErrorClassifier;

  beforeEach(async () => {
    ({ app } = await recoveryApp());
    classifier = app.get(ErrorClassifier);
  });
  afterEach(() => app.close());

  it.each(NEST_EXCEPTIONS)('reads Nest %s', (_name, make, category) => {
    expect(classifier.classify(make()).category).toBe(category);
  });

  it('runs rules added through the provider first', () => {
    classifier.addRule({
      name: 'teapot',
      match: (e) => (e as { status?: number }).status === 418,
      category: 'configuration',
      retryable: true,
    });
    expect(classifier.classify(new HttpException('tea', 418))).toEqual({
      category: 'configuration',
      severity: 'LOW',
      retryable: true,
      suggestedStrategy: 'fallback',
    });
    expect(classifier.listRules().map((rule) => rule.name)).toEqual(['teapot']);
    expect(() =>
      classifier.addRule({ name: 'x', match: () => true, category: 'bogus' as never }),
    ).toThrow(ResilienceConfigError);
  });

  it('correlates errors of several services into one incident with the shared dependency as origin', () => {
    const orchestrator = app.get(RecoveryOrchestrator);
    orchestrator.declareDependencies('checkout', ['payments', 'postgres']);
    orchestrator.declareDependencies('payments', ['postgres']);
    orchestrator.declareDependencies('search', ['elastic']);
    expect(classifier.incident()).toBeUndefined();
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    classifier.classify(refused, { serviceId: 'checkout' });
    expect(classifier.incident()).toBeUndefined();
    classifier.classify(new ServiceUnavailableException(), { serviceId: 'payments' });
    classifier.classify(refused, { serviceId: 'postgres' });
    expect(classifier.incident()).toMatchObject({
      services: ['checkout', 'payments', 'postgres'],
      probableOrigin: 'postgres',
      errorCount: 3,
      categories: { connection: 2, server_error: 1 },
    });
  });
});
