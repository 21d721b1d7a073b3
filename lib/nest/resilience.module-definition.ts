import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { HttpOptions, ResilienceModuleOptions } from './options/index.js';

/** Options that shape the module itself (not the policies), given to forRoot and forRootAsync alike. */
export interface ResilienceModuleExtras {
  /** Global by default, so every module's providers can be decorated without importing it. */
  isGlobal?: boolean;
  /** Which HTTP route groups are mounted and where; decided at import time. */
  http?: HttpOptions;
}

export const {
  ConfigurableModuleClass: ResilienceConfigurableModule,
  MODULE_OPTIONS_TOKEN: RESILIENCE_MODULE_OPTIONS,
  OPTIONS_TYPE: RESILIENCE_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: RESILIENCE_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ResilienceModuleOptions>({ moduleName: 'Resilience' })
  .setClassMethodName('forRoot')
  .setFactoryMethodName('createResilienceOptions')
  .setExtras<ResilienceModuleExtras>({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
