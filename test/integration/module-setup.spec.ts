import { Injectable, Module, Scope, type LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { CircuitBreaker, ResilienceModule, ResilienceService, Retry } from 'nestjs-bulwark';

@Injectable()
class Settings {
  readonly attempts = 4;
}

@Module({ providers: [Settings], exports: [Settings] })
class SettingsModule {}

@Injectable()
class Worker {
  calls = 0;

  @Retry('work')
  async work(): Promise<number> {
    this.calls++;
    throw new Error(`failure ${this.calls}`);
  }

  @CircuitBreaker({ name: 'logged', failureThreshold: 1 })
  async trip(): Promise<never> {
    throw new Error('down');
  }
}

@Injectable({ scope: Scope.TRANSIENT })
class TransientWorker {
  static calls = 0;
  @Retry({ maxAttempts: 2, baseDelayMs: 0 })
  async work(): Promise<string> {
    TransientWorker.calls++;
    if (TransientWorker.calls === 1) throw new Error('first fails');
    return 'done';
  }
}

class CapturingLogger implements LoggerService {
  readonly lines: { level: string; message: string }[] = [];
  log(message: string) {
    this.lines.push({ level: 'log', message });
  }
  warn(message: string) {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string) {
    this.lines.push({ level: 'error', message });
  }
  debug(message: string) {
    this.lines.push({ level: 'debug', message });
  }
}

describe('ResilienceModule.forRootAsync', () => {
  it('takes its options from a factory with injected providers', async () => {
    @Module({
      imports: [
        ResilienceModule.forRootAsync({
          imports: [SettingsModule],
          inject: [Settings],
          useFactory: (settings: Settings) => ({
            configFile: false,
            policies: { work: { retry: { maxAttempts: settings.attempts, baseDelayMs: 0 } } },
          }),
        }),
      ],
      providers: [Worker],
    })
    class AppModule {}
    const app = (
      await Test.createTestingModule({ imports: [AppModule] }).compile()
    ).createNestApplication({
      logger: false,
    });
    await app.init();
    try {
      const worker = app.get(Worker);
      await expect(worker.work()).rejects.toThrow();
      expect(worker.calls).toBe(4);
    } finally {
      await app.close();
    }
  });
});

describe('logging and provider scopes', () => {
  it("logs a breaker's state change at warn through Nest's Logger", async () => {
    @Module({
      imports: [ResilienceModule.forRoot({ configFile: false, policies: { work: { retry: {} } } })],
      providers: [Worker],
    })
    class AppModule {}
    const logger = new CapturingLogger();
    const app = (
      await Test.createTestingModule({ imports: [AppModule] }).compile()
    ).createNestApplication({ logger });
    await app.init();
    try {
      await app
        .get(Worker)
        .trip()
        .catch(() => undefined);
      expect(logger.lines).toContainEqual({
        level: 'warn',
        message: expect.stringContaining('Circuit breaker "logged" CLOSED -> OPEN'),
      });
      expect(app.get(ResilienceService).breaker('logged')?.state).toBe('OPEN');
    } finally {
      await app.close();
    }
  });

  it('transient providers get their prototype method wrapped once', async () => {
    @Module({
      imports: [ResilienceModule.forRoot({ configFile: false })],
      providers: [TransientWorker],
    })
    class AppModule {}
    const app = (
      await Test.createTestingModule({ imports: [AppModule] }).compile()
    ).createNestApplication({
      logger: false,
    });
    await app.init();
    try {
      const worker = await app.resolve(TransientWorker);
      await expect(worker.work()).resolves.toBe('done');
      expect(TransientWorker.calls).toBe(2);
    } finally {
      await app.close();
    }
  });
});
