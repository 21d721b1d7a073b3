import { Injectable, Module, type LoggerService } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  CircuitBreaker,
  PREDICTOR_SAMPLER,
  ResilienceModule,
  type ResilienceModuleOptions,
} from 'nestjs-bulwark';
import { ScriptedSampler } from '../../fixtures/scripted-sampler.js';

/** A provider with a breaker that trips after two failures. */
@Injectable()
export class Inventory {
  @CircuitBreaker({ name: 'inventory', failureThreshold: 2 })
  async reserve(fail: boolean): Promise<string> {
    if (fail) throw new Error('inventory down');
    return 'reserved';
  }
}

/** Keeps what the app logs at warn. */
export class WarningLog implements LoggerService {
  readonly warnings: string[] = [];
  log(): void {}
  error(): void {}
  warn(message: string): void {
    this.warnings.push(message);
  }
}

/** Starts an app with the module's `options` and a scripted sampler in place of the default. */
export async function startPredictApp(
  options: ResilienceModuleOptions,
  sampler = new ScriptedSampler(() => ({ load: 1 })),
  logger: LoggerService | false = false,
) {
  @Module({
    imports: [ResilienceModule.forRoot({ configFile: false, ...options })],
    providers: [Inventory],
  })
  class AppModule {}
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(PREDICTOR_SAMPLER)
    .useValue(sampler)
    .compile();
  const app = moduleRef.createNestApplication({ logger });
  await app.init();
  return { app, sampler };
}
