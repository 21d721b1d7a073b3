import { BadRequestException, Controller, Get, Query, UseGuards, type Type } from '@nestjs/common';
import { AdminAuthGuard } from '../nest/admin/admin-auth.guard.js';
import type { ReliabilityReport } from './report.types.js';
import { ResilienceMonitor } from './resilience-monitor.js';

/** Builds `GET /<admin path>/reports/reliability` (default `admin/reliability`). */
export function createAdminReportsController(prefix: string): Type<unknown> {
  @Controller(prefix)
  @UseGuards(AdminAuthGuard)
  class AdminReportsController {
    constructor(private readonly monitor: ResilienceMonitor) {}

    /** The reliability report of the last `hours` (default: one report interval). */
    @Get('reports/reliability')
    reliability(@Query('hours') hours?: string): ReliabilityReport {
      if (hours === undefined) return this.monitor.report();
      const maxHours = this.monitor.settings.retentionMs / 3_600_000;
      const value = Number(hours);
      if (hours.trim() === '' || !Number.isFinite(value) || value <= 0 || value > maxHours) {
        throw new BadRequestException(`hours must be a number > 0 and <= ${maxHours}`);
      }
      return this.monitor.report(value * 3_600_000);
    }
  }
  return AdminReportsController;
}
