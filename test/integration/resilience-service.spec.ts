import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  CircuitBreaker,
  CircuitOpenError,
  PolicyTimeoutError,
  ResilienceModule,
  ResilienceService,
  Resilient,
  RetryExhaustedError,
} from 'nestjs-bulwark';

@Injectable()
class Tenants {
  calls: Record<string, number> = {};

  @CircuitBreaker({ name: 'tenants', failureThreshold: 1, key: (tenant: string) => tenant })
  async load(tenant: string): Promise<string> {
    this.calls[tenant] = (this.calls[tenant] ?? 0) + 1;
    if (tenant === 'bad') throw new Error('tenant backend down');
    return `data of ${tenant}`;
  }

  attempts = 0;

  /** Timeout outside retry: one 40 ms budget for all attempts. */
  @Resilient({
    retry: { maxAttempts: 5, baseDelayMs: 15, backoff: 'fixed' },
    timeout: 40,
    order: ['fallback', 'timeout', 'retry', 'circuitBreaker', 'rateLimit', 'bulkhead'],
  })
  async budgeted(): Promise<never> {
    this.attempts++;
    throw new Error('still failing');
  }

  /** Default order: each attempt gets its own timeout, retries exhaust. */
  @Resilient({ retry: { maxAttempts: 2, baseDelayMs: 0 }, timeout: 1_000 })
  async perAttempt(): Promise<never> {
    this.attempts++;
    throw new Error('still failing');
  }
}

@Module({
  imports: [
    ResilienceModule.forRoot({
      configFile: false,
      policies: {
        reports: {
          retry: { maxAttempts: 3, baseDelayMs: 0 },
          circuitBreaker: { failureThreshold: 10 },
        },
        search: { rateLimit: { limit: 1, windowMs: 60_000 } },
      },
    }),
  ],
  providers: [Tenants],
})
class AppModule {}

describe('ResilienceService and per-method composition', () => {
  let app: INestApplication;
  let resilience: ResilienceService;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    resilience = app.get(ResilienceService);
  });

  afterEach(async () => app.close());

  it('execute() runs a function through a named policy set', async () => {
    let attempts = 0;
    const result = await resilience.execute('reports', ({ attempt }) => {
      attempts++;
      if (attempt < 3) throw new Error('flaky');
      return 'report';
    });
    expect(result).toBe('report');
    expect(attempts).toBe(3);
    expect(resilience.breaker('reports')?.stats().failures).toBe(2);
  });

  it('execute() with inline policies builds them once per name', async () => {
    const failing = () => Promise.reject(new Error('nope'));
    const error = await resilience
      .execute('adhoc', failing, {
        retry: { maxAttempts: 2, baseDelayMs: 0 },
        circuitBreaker: { failureThreshold: 3 },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryExhaustedError);
    await resilience.execute('adhoc', failing).catch(() => undefined);
    expect(resilience.breaker('adhoc')?.state).toBe('OPEN');
  });

  it('limiter() returns a named limiter that execute() shares', async () => {
    await resilience.execute('search', () => 'first');
    expect((await resilience.limiter('search')!.consume('search')).allowed).toBe(false);
  });

  it('stats() lists every breaker and limiter', async () => {
    await resilience.execute('search', () => 'x');
    await app.get(Tenants).load('good');
    const stats = resilience.stats();
    expect(stats.breakers.map((b) => b.name)).toContain('tenants:good');
    expect(stats.limiters.map((l) => l.name)).toContain('search');
  });

  it('reaches every capability through the facade', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(resilience.capability('classifier').classify(refused).category).toBe('connection');
    expect(resilience.degradation.status().level).toBe('NORMAL');
    await resilience.checkpoints.save('job-1', { step: 2 });
    await expect(resilience.checkpoints.restore('job-1')).resolves.toEqual({ step: 2 });
    expect(resilience.dependencies.list()).toEqual([]);
  });

  it('on() delivers breaker state changes', async () => {
    const changes: string[] = [];
    resilience.on('circuit.stateChange', ({ name, from, to }) =>
      changes.push(`${name} ${from}->${to}`),
    );
    await app
      .get(Tenants)
      .load('bad')
      .catch(() => undefined);
    expect(changes).toEqual(['tenants:bad CLOSED->OPEN']);
  });

  it('a key function gives each tenant its own breaker', async () => {
    const tenants = app.get(Tenants);
    await expect(tenants.load('bad')).rejects.toThrow('tenant backend down');
    await expect(tenants.load('bad')).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(tenants.load('good')).resolves.toBe('data of good');
    expect(tenants.calls).toEqual({ bad: 1, good: 1 });
  });

  it('@Resilient({ order }) puts the timeout around all attempts', async () => {
    const tenants = app.get(Tenants);
    await expect(tenants.budgeted()).rejects.toBeInstanceOf(PolicyTimeoutError);
    expect(tenants.attempts).toBeLessThan(5);
  });

  it('the default order gives each attempt its own timeout and exhausts retries', async () => {
    const tenants = app.get(Tenants);
    await expect(tenants.perAttempt()).rejects.toBeInstanceOf(RetryExhaustedError);
    expect(tenants.attempts).toBe(2);
  });
});
