import {
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  UseGuards,
  type Type,
} from '@nestjs/common';
import { ResilienceService } from '../resilience.service.js';
import { AdminAuthGuard } from './admin-auth.guard.js';

/** Builds the admin controller under the configured prefix (default `admin/reliability`). */
export function createAdminCircuitBreakersController(prefix: string): Type<unknown> {
  @Controller(prefix)
  @UseGuards(AdminAuthGuard)
  class AdminCircuitBreakersController {
    constructor(private readonly resilience: ResilienceService) {}

    /** Every breaker with its state and counts. */
    @Get('circuit-breakers')
    list(): ReturnType<ResilienceService['stats']>['breakers'] {
      return this.resilience.stats().breakers;
    }

    /** Closes the breaker and clears its window; 404 for an unknown name. */
    @Post('circuit-breakers/:name/reset')
    @HttpCode(200)
    async reset(@Param('name') name: string): Promise<{ name: string; state: string }> {
      const breaker = this.resilience.breaker(name);
      if (!breaker) throw new NotFoundException(`No circuit breaker named "${name}"`);
      // A shared breaker's reset reaches the store: answer once every instance would see it.
      await breaker.reset();
      return { name, state: breaker.state };
    }
  }
  return AdminCircuitBreakersController;
}
