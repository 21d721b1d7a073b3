import type { BreakerHistory } from '../metrics/real-time/real-time-sampler.js';
import type {
  BulkheadRates,
  BreakerRates,
  HistoryPoint,
  LimiterRates,
  RateTotals,
} from '../metrics/real-time/real-time.types.js';
import type { Alert } from '../monitoring/alert.types.js';
import type { DashboardSectionsSnapshot } from './dashboard-sources.js';

/** A breaker on the dashboard: its rates now and its last points. */
export interface DashboardBreaker extends BreakerRates {
  history: BreakerHistory;
}

/** `GET /resilience/dashboard` as JSON (the HTML page renders this). */
export interface DashboardSnapshot extends DashboardSectionsSnapshot {
  generatedAt: number;
  /** How often the page fetches this again, in ms. */
  refreshMs: number;
  /** 0–100: breaker health lowered by active alerts, averaged with dependency health. */
  healthScore: number;
  /** The interval the rates cover, in ms. */
  windowMs: number;
  totals: RateTotals;
  breakers: DashboardBreaker[];
  limiters: LimiterRates[];
  bulkheads: BulkheadRates[];
  /** The app's totals at the last sampling times, oldest first. */
  history: HistoryPoint[];
  alerts: { active: Alert[]; recent: Alert[] };
  /** Where the raw data is: the real-time JSON (relative) and the Prometheus path, if served. */
  links: { realTime: string; prometheus: string | null };
}
