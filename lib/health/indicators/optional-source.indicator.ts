import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type { ResolvedResilienceOptions } from '../../nest/options/index.js';
import { RESILIENCE_OPTIONS } from '../../nest/resilience.constants.js';
import { guardedIndicator, type IndicatorSession } from './guarded-indicator.js';
import { indicatorTimeoutOf } from './indicator-settings.js';
import { optionalProvider } from './optional-sources.js';

/**
 * An indicator over a capability the app may not have (looked up by token anywhere in the
 * app, at each check): without it, up with `{ enabled: false }`.
 */
@Injectable()
export abstract class OptionalSourceIndicator<Source> {
  protected abstract readonly token: symbol;
  protected abstract readonly defaultKey: string;

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly moduleRef: ModuleRef,
    @Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions,
  ) {}

  check<const Key extends string>(key?: Key): Promise<HealthIndicatorResult<Key>> {
    const name = (key ?? this.defaultKey) as Key;
    return guardedIndicator(this.indicators, name, indicatorTimeoutOf(this.options), (session) => {
      const source = optionalProvider<Source>(this.moduleRef, this.token);
      return source ? this.assess(source, session) : session.up({ enabled: false });
    });
  }

  /** The indicator's verdict from the capability. */
  protected abstract assess<Key extends string>(
    source: Source,
    session: IndicatorSession<Key>,
  ): Promise<HealthIndicatorResult<Key>>;
}
