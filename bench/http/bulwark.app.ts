import { Controller, Get, Module } from '@nestjs/common';
import { CircuitBreaker, ResilienceModule, Retry, Timeout } from 'nestjs-bulwark';
import { BODY, ROUTE } from './messages.js';
import { serve } from './serve.js';

@Controller()
class BulwarkController {
  @Get(ROUTE)
  @CircuitBreaker({ failureThreshold: 5 })
  @Retry({ maxAttempts: 3 })
  @Timeout(1_000)
  hello(): string {
    return BODY;
  }
}

@Module({ imports: [ResilienceModule.forRoot({})], controllers: [BulwarkController] })
class BulwarkModule {}

await serve(BulwarkModule);
