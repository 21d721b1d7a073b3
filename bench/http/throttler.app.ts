import { Controller, Get, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { BODY, ROUTE } from './messages.js';
import { serve } from './serve.js';

@Controller()
class ThrottledController {
  @Get(ROUTE)
  hello(): string {
    return BODY;
  }
}

// A limit nothing reaches. The 1 s ttl bounds the per-key hit log it scans on every request
// (all load comes from one IP); a longer ttl makes it slower the longer the bench runs.
@Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 1_000, limit: 1_000_000_000 }])],
  controllers: [ThrottledController],
  providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
})
class ThrottledModule {}

await serve(ThrottledModule);
