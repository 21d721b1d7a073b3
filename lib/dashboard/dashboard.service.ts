import { Inject, Injectable } from '@nestjs/common';
import { BREAKER_HISTORY_POINTS, RealTimeSampler } from '../metrics/real-time/real-time-sampler.js';
import { healthScoreOf } from '../monitoring/monitor-sources.js';
import { ResilienceMonitor } from '../monitoring/resilience-monitor.js';
import type { ResolvedResilienceOptions } from '../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../nest/resilience.constants.js';
import { DashboardSources } from './dashboard-sources.js';
import type { DashboardSnapshot } from './dashboard.types.js';

/** How often the page refreshes itself. */
export const DASHBOARD_REFRESH_MS = 2_000;
/** Recently raised alerts shown. */
const RECENT_ALERTS = 20;

/** Everything the dashboard shows, in one JSON document. */
@Injectable()
export class DashboardService {
  constructor(
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
    private readonly sampler: RealTimeSampler,
    private readonly monitor: ResilienceMonitor,
    private readonly sources: DashboardSources,
  ) {}

  async snapshot(): Promise<DashboardSnapshot> {
    const view = this.sampler.current();
    const sections = await this.sources.read();
    const active = this.monitor.activeAlerts();
    const own = healthScoreOf(view.breakers, active);
    const dependencies = sections.dependencies;
    const healthScore =
      dependencies.enabled && 'data' in dependencies && dependencies.data.items.length > 0
        ? Math.round((own + dependencies.data.score) / 2)
        : own;
    return {
      generatedAt: view.at,
      refreshMs: DASHBOARD_REFRESH_MS,
      healthScore,
      windowMs: view.windowMs,
      totals: view.totals,
      breakers: view.breakers.map((b) => ({ ...b, history: this.sampler.breakerHistory(b.name) })),
      limiters: view.limiters,
      bulkheads: view.bulkheads,
      history: this.sampler.history(BREAKER_HISTORY_POINTS),
      alerts: { active, recent: this.monitor.recentAlerts().slice(0, RECENT_ALERTS) },
      ...sections,
      links: this.links(),
    };
  }

  private links(): DashboardSnapshot['links'] {
    const { http, metrics } = this.options;
    return {
      realTime: 'metrics/real-time',
      prometheus: metrics.enabled && http.metrics.enabled ? `/${http.metrics.path}` : null,
    };
  }
}
