import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ResolvedResilienceOptions } from '../options/index.js';
import { RESILIENCE_OPTIONS } from '../resilience.constants.js';

/** Says at start-up why the admin routes answer 401 when no authorization is configured. */
@Injectable()
export class AdminRoutesNotice implements OnModuleInit {
  constructor(@Inject(RESILIENCE_OPTIONS) private readonly options: ResolvedResilienceOptions) {}

  onModuleInit(): void {
    const { apiKey, guard } = this.options.admin;
    if (this.options.http.admin.enabled && !apiKey && !guard) {
      new Logger('Resilience').warn(
        'Admin and mutating resilience routes answer 401 to every request: set admin.apiKey (or RESILIENCE_ADMIN_API_KEY) or admin.guard to enable them.',
      );
    }
  }
}
