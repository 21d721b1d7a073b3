import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DependencyHealthService } from 'nestjs-bulwark';
import { FlakyDownstream } from '../downstream/flaky-downstream.service.js';
import { downstreamAnswers } from './downstream-probe.js';

/**
 * Registers the simulated downstream as a dependency in code, with a custom check (the
 * same probe as GET /downstream/health). A deployed app would rather give its URL:
 * `healthCheck: { endpoint: 'http://payments-provider/health' }`.
 */
@Injectable()
export class SampleDependencies implements OnModuleInit {
  constructor(
    private readonly dependencies: DependencyHealthService,
    private readonly downstream: FlakyDownstream,
  ) {}

  onModuleInit(): void {
    this.dependencies.register({
      name: 'flaky-downstream',
      type: 'external_api',
      criticality: 'medium',
      description: 'The simulated payment and rates provider',
      fallbackStrategy: 'queue',
      healthCheck: {
        check: () => downstreamAnswers(this.downstream),
        intervalMs: 5_000,
        timeoutMs: 1_000,
        failureThreshold: 3,
        successThreshold: 2,
      },
    });
  }
}
