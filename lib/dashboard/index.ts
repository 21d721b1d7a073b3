export { DashboardSources, type DashboardSectionsSnapshot } from './dashboard-sources.js';
export { DashboardService } from './dashboard.service.js';
export type { DashboardBreaker, DashboardSnapshot } from './dashboard.types.js';
export type {
  DashboardSection,
  DashboardSectionData,
  DashboardSectionName,
  DeadLetterSection,
  DegradationSection,
  DependenciesSection,
  DependencyTile,
  PredictionTile,
  PredictionsSection,
  SectionReader,
} from './dashboard-sections.js';
