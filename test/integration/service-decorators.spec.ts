import { Injectable, Module, Scope, SetMetadata, type OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  Observable,
  concat,
  defer,
  firstValueFrom,
  lastValueFrom,
  of,
  throwError,
  toArray,
} from 'rxjs';
import {
  Bulkhead,
  BulkheadRejectedError,
  CircuitBreaker,
  CircuitOpenError,
  Fallback,
  PolicyTimeoutError,
  RateLimit,
  RateLimitExceededError,
  ResilienceModule,
  ResilienceService,
  Retry,
  RetryExhaustedError,
  Timeout,
} from 'nestjs-bulwark';
import { deferred } from './support/deferred.js';

const CUSTOM = 'test:custom';

@Injectable()
class Downstream {
  calls = 0;
  failuresLeft = 0;
  subscriptions = 0;
  teardowns = 0;
  throwsBeforeStreaming = 0;
  gate = deferred();

  @Retry({ maxAttempts: 3, baseDelayMs: 0 })
  @SetMetadata(CUSTOM, 'kept')
  async fetch(id: string): Promise<string> {
    this.calls++;
    if (this.failuresLeft-- > 0) throw new Error(`attempt ${this.calls} failed`);
    return `item ${id}`;
  }

  @CircuitBreaker({ name: 'downstream', failureThreshold: 2, recoveryTimeoutMs: 60_000 })
  async alwaysFails(): Promise<never> {
    this.calls++;
    throw new Error('down');
  }

  @Fallback('cached')
  @Retry({ maxAttempts: 2, baseDelayMs: 0 })
  async withFallback(id: string): Promise<string> {
    throw new Error(`no ${id}`);
  }

  cached(id: string, error: Error): string {
    return `cached ${id} after ${error.message}`;
  }

  @Timeout(30)
  async hangs(): Promise<string> {
    await this.gate.promise;
    return 'late';
  }

  @Bulkhead({ maxConcurrent: 1 })
  async exclusive(): Promise<string> {
    await this.gate.promise;
    return 'done';
  }

  label = 'downstream';

  @Retry({ maxAttempts: 2, baseDelayMs: 0 })
  async ownLabel(): Promise<string> {
    return this.label;
  }

  @Retry({ maxAttempts: 2, baseDelayMs: 0 })
  async listArguments(...values: unknown[]): Promise<string> {
    return `${values.length}: ${values.map(String).join(', ')}`;
  }

  @RateLimit({ limit: 1, windowMs: 60_000 })
  async once(): Promise<string> {
    return 'ok';
  }

  @Retry({ maxAttempts: 3, baseDelayMs: 0 })
  stream(): Observable<string> {
    return defer(() => {
      this.subscriptions++;
      if (this.subscriptions >= 3) return of('a', 'b', 'c');
      return concat(
        of(`partial ${this.subscriptions}`),
        throwError(() => new Error('flaky stream')),
      );
    });
  }

  @Retry({ maxAttempts: 3, baseDelayMs: 0 })
  streamAfterThrowing(): Observable<string> {
    if (this.throwsBeforeStreaming-- > 0) throw new Error('no stream yet');
    return of('streamed');
  }

  @Timeout(30)
  endless(): Observable<string> {
    return new Observable<string>(() => () => {
      this.teardowns++;
    });
  }
}

@Injectable()
class CallsAtInit implements OnModuleInit {
  result?: string;
  constructor(private readonly downstream: Downstream) {}

  async onModuleInit(): Promise<void> {
    this.downstream.failuresLeft = 1;
    this.result = await this.downstream.fetch('init');
  }
}

@Module({ providers: [Downstream], exports: [Downstream] })
class DownstreamModule {}

@Module({ imports: [DownstreamModule], providers: [CallsAtInit] })
class ConsumerModule {}

@Module({ imports: [ResilienceModule.forRoot({ configFile: false }), ConsumerModule] })
class AppModule {}

async function createApp() {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('decorators on provider methods', () => {
  let app: Awaited<ReturnType<typeof createApp>>;
  let downstream: Downstream;

  beforeEach(async () => {
    app = await createApp();
    downstream = app.get(Downstream);
    downstream.calls = 0;
  });

  afterEach(async () => {
    downstream.gate.resolve();
    await app.close();
  });

  it('protects a method called from another module during onModuleInit', () => {
    expect(app.get(CallsAtInit).result).toBe('item init');
  });

  it('@Retry retries with `this` and arguments intact and keeps other metadata', async () => {
    downstream.failuresLeft = 2;
    await expect(downstream.fetch('7')).resolves.toBe('item 7');
    expect(downstream.calls).toBe(3);
    expect(Reflect.getMetadata(CUSTOM, downstream.fetch)).toBe('kept');
  });

  it('@Retry gives up with every attempt error in order', async () => {
    downstream.failuresLeft = 5;
    const error = await downstream.fetch('x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect((error as RetryExhaustedError).errors.map((e) => (e as Error).message)).toEqual([
      'attempt 1 failed',
      'attempt 2 failed',
      'attempt 3 failed',
    ]);
  });

  it('@CircuitBreaker opens and is reachable by name through ResilienceService', async () => {
    await expect(downstream.alwaysFails()).rejects.toThrow('down');
    await expect(downstream.alwaysFails()).rejects.toThrow('down');
    await expect(downstream.alwaysFails()).rejects.toBeInstanceOf(CircuitOpenError);
    expect(downstream.calls).toBe(2);
    const breaker = app.get(ResilienceService).breaker('downstream');
    expect(breaker?.state).toBe('OPEN');
  });

  it('@Fallback calls the named method with the original arguments and the error', async () => {
    await expect(downstream.withFallback('9')).resolves.toMatch(/^cached 9 after /);
  });

  it('@Timeout rejects with PolicyTimeoutError', async () => {
    await expect(downstream.hangs()).rejects.toBeInstanceOf(PolicyTimeoutError);
  });

  it('@Bulkhead rejects a second concurrent call', async () => {
    const first = downstream.exclusive();
    await expect(downstream.exclusive()).rejects.toBeInstanceOf(BulkheadRejectedError);
    downstream.gate.resolve();
    await expect(first).resolves.toBe('done');
  });

  it('@RateLimit rejects past the limit with the limit and retry delay', async () => {
    await downstream.once();
    const error = (await downstream.once().catch((e: unknown) => e)) as RateLimitExceededError;
    expect(error).toBeInstanceOf(RateLimitExceededError);
    expect(error.limit).toBe(1);
    expect(error.retryAfterMs).toBeGreaterThan(0);
  });

  it('an Observable method stays an Observable and a retry re-subscribes, showing only the last attempt’s values', async () => {
    const result = downstream.stream();
    expect(result).toBeInstanceOf(Observable);
    const values = await lastValueFrom(result.pipe(toArray()));
    expect(values).toEqual(['a', 'b', 'c']);
    expect(downstream.subscriptions).toBe(3);
  });

  it('a method without arguments runs on the object it is called on', async () => {
    await expect(downstream.ownLabel()).resolves.toBe('downstream');
    const other = { label: 'other' };
    await expect(downstream.ownLabel.call(other as Downstream)).resolves.toBe('other');
    await expect(downstream.ownLabel()).resolves.toBe('downstream');
  });

  it('a method receives every argument it was called with, trailing undefined ones included', async () => {
    await expect(downstream.listArguments(1, 'two', undefined)).resolves.toBe(
      '3: 1, two, undefined',
    );
    await expect(downstream.listArguments()).resolves.toBe('0: ');
  });

  it('an Observable method that throws before returning its stream is retried like a failed stream', async () => {
    downstream.throwsBeforeStreaming = 1;
    await expect(lastValueFrom(downstream.streamAfterThrowing())).resolves.toBe('streamed');
    downstream.throwsBeforeStreaming = 3;
    const error = await lastValueFrom(downstream.streamAfterThrowing()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryExhaustedError);
    expect((error as RetryExhaustedError).lastError).toEqual(new Error('no stream yet'));
  });

  it('a timeout unsubscribes from an Observable method', async () => {
    await expect(firstValueFrom(downstream.endless())).rejects.toBeInstanceOf(PolicyTimeoutError);
    expect(downstream.teardowns).toBe(1);
  });

  it('two apps in one process share no policy state', async () => {
    const other = await createApp();
    try {
      await expect(downstream.alwaysFails()).rejects.toThrow('down');
      await expect(downstream.alwaysFails()).rejects.toThrow('down');
      expect(app.get(ResilienceService).breaker('downstream')?.state).toBe('OPEN');
      expect(other.get(ResilienceService).breaker('downstream')?.state).toBe('CLOSED');
    } finally {
      await other.close();
    }
  });
});

@Injectable({ scope: Scope.REQUEST })
class PerRequest {
  static calls = 0;
  @Retry({ maxAttempts: 2, baseDelayMs: 0 })
  async work(): Promise<number> {
    PerRequest.calls++;
    if (PerRequest.calls === 1) throw new Error('first fails');
    return PerRequest.calls;
  }
}

describe('request-scoped providers', () => {
  it('share one policy set per method across instances', async () => {
    @Module({ imports: [ResilienceModule.forRoot({ configFile: false })], providers: [PerRequest] })
    class ScopedModule {}
    const moduleRef = await Test.createTestingModule({ imports: [ScopedModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const instance = await app.resolve(PerRequest);
      await expect(instance.work()).resolves.toBe(2);
    } finally {
      await app.close();
    }
  });
});
