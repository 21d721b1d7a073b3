import { Controller, Get, Module, UseInterceptors } from '@nestjs/common';
import {
  CircuitBreakerStrategy,
  ResilienceInterceptor,
  ResilienceModule,
  RetryStrategy,
  TimeoutStrategy,
} from 'nestjs-resilience';
import { BODY, ROUTE } from './messages.js';
import { serve } from './serve.js';

// Strategies wrap in list order, so the last one is outermost: retry(breaker(timeout(handler))).
@Controller()
class ResilientController {
  @Get(ROUTE)
  @UseInterceptors(
    ResilienceInterceptor(
      new TimeoutStrategy(1_000),
      new CircuitBreakerStrategy(),
      new RetryStrategy({ maxRetries: 2 }),
    ),
  )
  hello(): string {
    return BODY;
  }
}

@Module({ imports: [ResilienceModule.forRoot({})], controllers: [ResilientController] })
class ResilientModule {}

await serve(ResilientModule);
