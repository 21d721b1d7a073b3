import type {
  DegradationLevelChange,
  DegradationOverrideEvent,
} from '../degradation/degradation-state.js';
import type { DependencyCriticality, DependencyType } from './dependency-options.js';
import type { DependencyStatus, DependencyStatusChange } from './dependency-status.js';

/** The events of dependency health and degradation, on the app's `ResilienceEvents` bus. */
export interface HealthEventMap {
  /** A dependency was registered (from options, `register()` or HTTP). */
  'dependency.registered': {
    name: string;
    type: DependencyType;
    criticality: DependencyCriticality;
  };
  /** A dependency was unregistered; its checks stopped. */
  'dependency.unregistered': { name: string };
  /** One check finished (every interval, per dependency). */
  'dependency.checked': {
    name: string;
    ok: boolean;
    responseTimeMs: number;
    error?: string;
    /** The status after this check. */
    status: DependencyStatus;
  };
  /** A dependency's status flipped (at its failure or success threshold). */
  'dependency.statusChange': DependencyStatusChange;
  /** The effective degradation level changed. */
  'degradation.levelChange': DegradationLevelChange;
  /** A degradation override was set, cleared or expired. */
  'degradation.override': DegradationOverrideEvent;
}
