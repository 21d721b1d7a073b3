import type { Provider } from '@nestjs/common';
import { DashboardSources } from './dashboard-sources.js';
import { DashboardService } from './dashboard.service.js';

/** The dashboard's data: its optional sections and the snapshot it serves. */
export const DASHBOARD_PROVIDERS: Provider[] = [DashboardSources, DashboardService];
