import {
  Body,
  Controller,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  UseGuards,
  type Type,
} from '@nestjs/common';
import { invalidBody } from '../health/http/invalid-body.js';
import { AdminAuthGuard } from '../nest/admin/admin-auth.guard.js';
import type { RecoveryExecution, RecoveryPlan } from './recovery-plan.types.js';
import { RecoveryOrchestrator } from './recovery-orchestrator.js';

/**
 * `POST <prefix>/recovery-plans` (register a plan; 400 with every reason for a bad body)
 * and `POST <prefix>/recovery/:service` (run its plan now; 404 without one). Both need
 * the admin authorization.
 */
export function createRecoveryController(prefix: string): Type<unknown> {
  @Controller(prefix)
  @UseGuards(AdminAuthGuard)
  class RecoveryController {
    constructor(private readonly orchestrator: RecoveryOrchestrator) {}

    @Post('recovery-plans')
    register(@Body() body: unknown): RecoveryPlan {
      const issues = this.orchestrator.validatePlan(body);
      if (issues.length > 0) throw invalidBody('recovery plan', issues);
      return this.orchestrator.registerPlan(body as RecoveryPlan);
    }

    @Post('recovery/:service')
    @HttpCode(200)
    recover(@Param('service') service: string): Promise<RecoveryExecution> {
      if (!this.orchestrator.plan(service)) {
        throw new NotFoundException(`No recovery plan for "${service}"`);
      }
      return this.orchestrator.execute(service);
    }
  }
  return RecoveryController;
}
