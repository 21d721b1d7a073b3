import { Body, Controller, HttpCode, Post, UseGuards, type Type } from '@nestjs/common';
import { invalidBody } from '../health/http/invalid-body.js';
import { AdminAuthGuard } from '../nest/admin/admin-auth.guard.js';
import { DegradationService, type DegradationStatus } from './degradation.service.js';
import { parseSetLevelBody } from './set-level-body.js';

/** Builds the degradation override routes under the admin group's path (behind the admin key). */
export function createDegradationAdminController(prefix: string): Type<unknown> {
  @Controller(prefix)
  @UseGuards(AdminAuthGuard)
  class DegradationAdminController {
    constructor(private readonly degradation: DegradationService) {}

    /** Forces a level: `{ level, reason, expiresInMs? }`. A bad body gets 400 and changes nothing. */
    @Post('degradation/set-level')
    @HttpCode(200)
    setLevel(@Body() body: unknown): DegradationStatus {
      const parsed = parseSetLevelBody(body);
      if (parsed.issues) throw invalidBody('degradation level', parsed.issues);
      const { level, reason, expiresInMs } = parsed.request;
      this.degradation.setLevel(level, reason, expiresInMs);
      return this.degradation.status();
    }

    /** Ends the override: the level follows the rules again. */
    @Post('degradation/clear-override')
    @HttpCode(200)
    clearOverride(): DegradationStatus & { cleared: boolean } {
      const cleared = this.degradation.clearOverride();
      return { ...this.degradation.status(), cleared };
    }
  }
  return DegradationAdminController;
}
