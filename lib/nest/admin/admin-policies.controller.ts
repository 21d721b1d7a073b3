import {
  BadRequestException,
  Body,
  Controller,
  Get,
  NotFoundException,
  Param,
  Patch,
  UseGuards,
  type Type,
} from '@nestjs/common';
import { ResilienceConfigError } from '../../core/index.js';
import type { PolicySet } from '../options/index.js';
import { ResilienceService } from '../resilience.service.js';
import type { NamedPolicyView } from '../runtime-config/describe-policies.js';
import type { PolicyChange } from '../runtime-config/policy-change.js';
import { AdminAuthGuard } from './admin-auth.guard.js';

/** Named policies: list them with their sources, change one without a restart. */
export function createAdminPoliciesController(prefix: string): Type<unknown> {
  @Controller(prefix)
  @UseGuards(AdminAuthGuard)
  class AdminPoliciesController {
    constructor(private readonly resilience: ResilienceService) {}

    @Get('policies')
    list(): NamedPolicyView[] {
      return this.resilience.policies();
    }

    /** 404 for an unknown name; 400 with every issue for a bad body (nothing changes). */
    @Patch('policies/:name')
    configure(@Param('name') name: string, @Body() body: unknown): PolicyChange {
      if (!this.resilience.policies().some((policy) => policy.name === name)) {
        throw new NotFoundException(`No policy named "${name}"`);
      }
      try {
        return this.resilience.configure(name, body as PolicySet);
      } catch (error) {
        if (!(error instanceof ResilienceConfigError)) throw error;
        throw new BadRequestException({ message: error.message, issues: error.issues });
      }
    }
  }
  return AdminPoliciesController;
}
