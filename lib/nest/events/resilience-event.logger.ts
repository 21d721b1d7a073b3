import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ResilienceEvents } from './resilience-events.js';

/** Logs policy events: breaker state changes at warn, retries at debug, fallbacks at log. */
@Injectable()
export class ResilienceEventLogger implements OnModuleInit {
  private readonly logger = new Logger('Resilience');

  constructor(private readonly events: ResilienceEvents) {}

  onModuleInit(): void {
    this.events.on('circuit.stateChange', ({ name, from, to, reason }) =>
      this.logger.warn(`Circuit breaker "${name}" ${from} -> ${to}${reason ? ` (${reason})` : ''}`),
    );
    this.events.on('retry.scheduled', ({ name, attempt, delayMs, error }) =>
      this.logger.debug(
        `"${name}" attempt ${attempt} failed (${describe(error)}); retrying in ${delayMs} ms`,
      ),
    );
    this.events.on('fallback.used', ({ name, source, error }) =>
      this.logger.log(`"${name}" answered from its ${source} fallback after: ${describe(error)}`),
    );
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
