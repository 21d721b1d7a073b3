/** A part of the dashboard that comes from a capability the app may not have. */
export type DashboardSection<T> =
  { enabled: false } | { enabled: true; data: T } | { enabled: true; error: string };

/** One dependency on the dashboard. */
export interface DependencyTile {
  name: string;
  status: string;
  criticality: string;
  impacted: boolean;
  /** Response time of the last check. */
  responseTimeMs?: number;
  lastError?: string;
}

/** Dependency health (`DependencyHealthService`). */
export interface DependenciesSection {
  /** 0–100, weighted by criticality. */
  score: number;
  items: DependencyTile[];
}

/** Degradation (`DegradationService`). */
export interface DegradationSection {
  level: string;
  reasons: string[];
  override: { level: string; reason: string; expiresAt?: number } | null;
}

/** One prediction, as `PredictorService.getPredictions()` returns it (DESIGN §5a). */
export interface PredictionTile {
  target: string;
  kind: string;
  predictedAt: number;
  confidence: number;
  recommendation: string;
}

/** Failure predictions. */
export interface PredictionsSection {
  /** A prediction at or above this confidence is an alert. Default 0.7. */
  alertConfidence?: number;
  items: PredictionTile[];
}

/** The dead-letter queue's depth. */
export interface DeadLetterSection {
  healthy: boolean;
  pending: number;
  exhausted?: number;
}

/** The optional sections, by name. */
export interface DashboardSectionData {
  dependencies: DependenciesSection;
  degradation: DegradationSection;
  predictions: PredictionsSection;
  dlq: DeadLetterSection;
}

/** The name of an optional section. */
export type DashboardSectionName = keyof DashboardSectionData;

/** Reads one section's data now. */
export type SectionReader<K extends DashboardSectionName> = () =>
  DashboardSectionData[K] | Promise<DashboardSectionData[K]>;
