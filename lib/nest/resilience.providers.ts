import type { Provider } from '@nestjs/common';
import {
  resolveResilienceOptions,
  type HttpOptions,
  type ResilienceModuleOptions,
} from './options/index.js';
import { RESILIENCE_MODULE_OPTIONS } from './resilience.module-definition.js';
import { RESILIENCE_HTTP_GROUPS, RESILIENCE_OPTIONS } from './resilience.constants.js';

/** The effective options: defaults < preset < file < code < environment, validated once. */
export const resolvedOptionsProvider: Provider = {
  provide: RESILIENCE_OPTIONS,
  useFactory: (options: ResilienceModuleOptions, http: HttpOptions | undefined) =>
    resolveResilienceOptions({ ...options, http: http ?? options.http }),
  inject: [RESILIENCE_MODULE_OPTIONS, RESILIENCE_HTTP_GROUPS],
};

export function httpGroupsProvider(http: HttpOptions | undefined): Provider {
  return { provide: RESILIENCE_HTTP_GROUPS, useValue: http };
}
