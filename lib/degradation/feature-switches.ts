import { ResilienceConfigError } from '../core/errors/index.js';
import { isAtLeast, isDegradationLevel, type DegradationLevel } from './degradation-level.js';

/** A feature that switches off at a degradation level. */
export interface FeatureOptions {
  /** The level at which (and above which) the feature is off. Not `NORMAL`. */
  disableAt: DegradationLevel;
}

/** A declared feature and whether it is on at the current level. */
export interface FeatureStatus {
  name: string;
  disableAt: DegradationLevel;
  enabled: boolean;
}

/**
 * Declared features by name. Declaring a name again with the same level is harmless
 * (several methods may share a feature); with another level it is a configuration error.
 */
export class FeatureSwitches {
  private readonly features = new Map<string, DegradationLevel>();

  register(name: string, options: FeatureOptions): void {
    const fail = (message: string) => {
      throw new ResilienceConfigError([{ path: `feature '${name}'`, message }]);
    };
    if (typeof name !== 'string' || name.trim() === '') fail('needs a non-empty name');
    if (!isDegradationLevel(options?.disableAt) || options.disableAt === 'NORMAL') {
      fail('disableAt must be one of MINOR, MODERATE, SEVERE, CRITICAL');
    }
    const known = this.features.get(name);
    if (known !== undefined && known !== options.disableAt) {
      fail(`is already declared with disableAt ${known}, not ${options.disableAt}`);
    }
    this.features.set(name, options.disableAt);
  }

  /** An undeclared feature is enabled: nothing said when to switch it off. */
  isEnabled(name: string, level: DegradationLevel): boolean {
    const disableAt = this.features.get(name);
    return disableAt === undefined || !isAtLeast(level, disableAt);
  }

  disableAtOf(name: string): DegradationLevel | undefined {
    return this.features.get(name);
  }

  list(level: DegradationLevel): FeatureStatus[] {
    return [...this.features].map(([name, disableAt]) => ({
      name,
      disableAt,
      enabled: !isAtLeast(level, disableAt),
    }));
  }
}
