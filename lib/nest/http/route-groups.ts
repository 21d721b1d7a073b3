import type { Type } from '@nestjs/common';
import { createAdminCircuitBreakersController } from '../admin/admin-circuit-breakers.controller.js';
import { createAdminPoliciesController } from '../admin/admin-policies.controller.js';
import { createDashboardController } from '../../dashboard/dashboard.controller.js';
import { createDegradationAdminController } from '../../degradation/degradation-admin.controller.js';
import { createDeadLetterAdminController } from '../../dlq/http/dead-letter-admin.controller.js';
import { createHealthController } from '../../health/http/health.controller.js';
import { createResilienceHealthController } from '../../health/http/resilience-health.controller.js';
import { createMetricsController } from '../../metrics/metrics.controller.js';
import { createRealTimeController } from '../../metrics/real-time/real-time.controller.js';
import { createAdminReportsController } from '../../monitoring/admin-reports.controller.js';
import { createPredictionsController } from '../../predict/predictions.controller.js';
import { createRecoveryController } from '../../recovery-plans/recovery.controller.js';
import { resilienceOptionDefaults, type HttpOptions } from '../options/index.js';

/** Builds a controller mounted under its group's path. */
export type ControllerFactory = (path: string) => Type<unknown>;

/**
 * The HTTP route groups of DESIGN §6: each can be switched off (`http.<group>.enabled`)
 * and moved (`http.<group>.path`). Capabilities add their controllers to their group here.
 */
export const ROUTE_GROUPS: Record<keyof HttpOptions, ControllerFactory[]> = {
  health: [createHealthController],
  resilience: [
    createResilienceHealthController,
    createRealTimeController,
    createDashboardController,
    createRecoveryController,
    createPredictionsController,
  ],
  admin: [
    createAdminCircuitBreakersController,
    createAdminPoliciesController,
    createDegradationAdminController,
    createAdminReportsController,
    createDeadLetterAdminController,
  ],
  metrics: [createMetricsController],
};

/** The controllers of every enabled group, at their configured paths. */
export function controllersFor(http: HttpOptions | undefined): Type<unknown>[] {
  return (Object.keys(ROUTE_GROUPS) as (keyof HttpOptions)[]).flatMap((group) => {
    const settings = http?.[group];
    if (settings?.enabled === false) return [];
    const path = settings?.path ?? resilienceOptionDefaults().http[group].path;
    return ROUTE_GROUPS[group].map((create) => create(path));
  });
}
