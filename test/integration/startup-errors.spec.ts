import { Controller, Get, Injectable, Module, type Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  CircuitBreaker,
  RateLimit,
  ResilienceConfigError,
  ResilienceModule,
  Resilient,
  Retry,
  Timeout,
  Fallback,
} from 'nestjs-bulwark';

async function startupError(
  providers: Type<unknown>[],
  controllers: Type<unknown>[] = [],
): Promise<ResilienceConfigError> {
  @Module({
    imports: [
      ResilienceModule.forRoot({
        configFile: false,
        policies: { known: { retry: { maxAttempts: 2 } } },
      }),
    ],
    providers,
    controllers,
  })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  const error = await app.init().then(
    () => undefined,
    (e: unknown) => e,
  );
  await app.close().catch(() => undefined);
  if (!(error instanceof ResilienceConfigError))
    throw new Error(`expected a ResilienceConfigError, got ${String(error)}`);
  return error;
}

describe('start-up stops on a wrong decorator, naming the class and method', () => {
  it('a breaker name that no policy has', async () => {
    @Injectable()
    class Payments {
      @CircuitBreaker('missing')
      async charge(): Promise<void> {}
    }
    const error = await startupError([Payments]);
    expect(error.message).toContain('Payments.charge');
    expect(error.message).toContain('policies.missing.circuitBreaker');
  });

  it('a named set that does not exist', async () => {
    @Controller()
    class Orders {
      @Resilient('nope')
      @Get()
      list(): string[] {
        return [];
      }
    }
    const error = await startupError([], [Orders]);
    expect(error.issues[0].path).toBe('Orders.list');
  });

  it('a named set without the kind asked for', async () => {
    @Injectable()
    class Rates {
      @Timeout('known')
      async get(): Promise<void> {}
    }
    const error = await startupError([Rates]);
    expect(error.message).toContain('policies.known.timeout');
  });

  it('contradictory breaker options', async () => {
    @Injectable()
    class Search {
      @CircuitBreaker({ failureThreshold: 3, slidingWindow: { type: 'count', size: 10 } })
      async find(): Promise<void> {}
    }
    const error = await startupError([Search]);
    expect(error.issues.map((i) => i.path)).toContain(
      'Search.find.@CircuitBreaker.failureThreshold',
    );
  });

  it('token-bucket options on another algorithm', async () => {
    @Injectable()
    class Api {
      @RateLimit({ algorithm: 'fixed-window', burst: 5 })
      async call(): Promise<void> {}
    }
    const error = await startupError([Api]);
    expect(error.issues.map((i) => i.path)).toContain('Api.call.@RateLimit.burst');
  });

  it('invalid inline options, every field listed', async () => {
    @Injectable()
    class Jobs {
      @Retry({ maxAttempts: 0, backoff: 'sometimes' as never })
      async run(): Promise<void> {}
    }
    const error = await startupError([Jobs]);
    const paths = error.issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['Jobs.run.@Retry.maxAttempts', 'Jobs.run.@Retry.backoff']),
    );
  });

  it('a fallback method that does not exist', async () => {
    @Injectable()
    class Quotes {
      @Fallback('nowhere')
      async quote(): Promise<void> {}
    }
    const error = await startupError([Quotes]);
    expect(error.message).toContain("'nowhere' is not a method of this class");
  });

  it('a synchronous method', async () => {
    @Injectable()
    class Maths {
      @Retry()
      add(a: number, b: number): number {
        return a + b;
      }
    }
    const error = await startupError([Maths]);
    expect(error.message).toContain('Maths.add');
    expect(error.message).toContain('synchronously');
  });
});
