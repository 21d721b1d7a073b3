import { systemClock, type Clock } from '../clock/index.js';
import { NO_DEPENDENCIES, type DependencyGraphView } from './dependency-graph.js';
import type { ErrorCategory } from './error-classification.js';
import { probableOrigin } from './probable-origin.js';

/** Errors of several services close together in time, read as one incident. */
export interface Incident {
  /** The services that reported errors in the window, earliest first error first. */
  services: string[];
  /** The service (or shared dependency) the others depend on; see `probableOrigin`. */
  probableOrigin: string;
  /** Clock time of the first and the last error in the window. */
  startedAt: number;
  lastErrorAt: number;
  errorCount: number;
  /** Errors per category. */
  categories: Partial<Record<ErrorCategory, number>>;
}

/** Options of an {@link ErrorCorrelator}. */
export interface ErrorCorrelatorOptions {
  /** Errors this close together belong to one incident. Default 60 000. */
  windowMs?: number;
  /** Errors kept per service (the oldest go first). Default 100. */
  maxErrorsPerService?: number;
  clock?: Clock;
}

interface Seen {
  at: number;
  category: ErrorCategory;
}

/**
 * Remembers recent errors per service (bounded, pruned as time passes) and reports the
 * ones within the window as one {@link Incident} once two or more services are failing.
 */
export class ErrorCorrelator {
  private readonly errors = new Map<string, Seen[]>();
  private readonly windowMs: number;
  private readonly maxPerService: number;
  private readonly clock: Clock;

  constructor(options: ErrorCorrelatorOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.maxPerService = options.maxErrorsPerService ?? 100;
    this.clock = options.clock ?? systemClock;
  }

  /** Remembers one error of a service (at the clock's time unless `at` says otherwise). */
  record(serviceId: string, category: ErrorCategory, at = this.clock.now()): void {
    const list = this.errors.get(serviceId) ?? [];
    list.push({ at, category });
    if (list.length > this.maxPerService) list.shift();
    this.errors.set(serviceId, list);
    this.prune(at);
  }

  /** The current incident, or `undefined` while fewer than two services are failing. */
  incident(
    graph: DependencyGraphView = NO_DEPENDENCIES,
    now = this.clock.now(),
  ): Incident | undefined {
    this.prune(now);
    if (this.errors.size < 2) return undefined;
    const failing = [...this.errors].map(([name, seen]) => ({
      name,
      seen,
      firstErrorAt: seen[0].at,
    }));
    failing.sort((a, b) => a.firstErrorAt - b.firstErrorAt);
    const all = failing.flatMap((service) => service.seen);
    const categories: Partial<Record<ErrorCategory, number>> = {};
    for (const { category } of all) categories[category] = (categories[category] ?? 0) + 1;
    return {
      services: failing.map((service) => service.name),
      probableOrigin: probableOrigin(failing, graph),
      startedAt: failing[0].firstErrorAt,
      lastErrorAt: Math.max(...all.map((seen) => seen.at)),
      errorCount: all.length,
      categories,
    };
  }

  /** Forgets every error. */
  clear(): void {
    this.errors.clear();
  }

  private prune(now: number): void {
    const oldest = now - this.windowMs;
    for (const [service, seen] of this.errors) {
      const kept = seen.filter((entry) => entry.at >= oldest);
      if (kept.length === 0) this.errors.delete(service);
      else if (kept.length !== seen.length) this.errors.set(service, kept);
    }
  }
}
