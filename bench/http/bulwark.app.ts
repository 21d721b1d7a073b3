import { Controller, Get, Module } from '@nestjs/common';
import { CircuitBreaker, RateLimit, ResilienceModule, Retry, Timeout } from 'nestjs-bulwark';
import { BODY, PROTECTED_ROUTE, ROUTE } from './messages.js';
import { serve } from './serve.js';

/**
 * One app, two routes: the undecorated one measures what the module costs a route it does
 * not protect, the protected one what the policies add on top of that.
 */
@Controller()
class BulwarkController {
  @Get(ROUTE)
  hello(): string {
    return BODY;
  }

  // A limit nothing reaches; the 1 s window matches the throttler app's ttl.
  @Get(PROTECTED_ROUTE)
  @CircuitBreaker({ failureThreshold: 5 })
  @Retry({ maxAttempts: 3 })
  @Timeout(1_000)
  @RateLimit({ limit: 1_000_000_000, windowMs: 1_000 })
  protectedHello(): string {
    return BODY;
  }
}

@Module({ imports: [ResilienceModule.forRoot({})], controllers: [BulwarkController] })
class BulwarkModule {}

await serve(BulwarkModule);
