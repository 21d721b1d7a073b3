import { Injectable, Logger } from '@nestjs/common';
import { ResilienceEvents } from 'nestjs-bulwark';

/** One failure a breaker counted, as an error tracker would receive it. */
export interface ReportedFailure {
  breaker: string;
  message: string;
}

const KEPT = 50;

/**
 * Stands in for an error tracker (Sentry and the like): every failure a breaker counts is
 * reported with the breaker's name, and a retry that recovered says from what. It listens
 * to `failureCounted`, which carries no duration, so no breaker times its calls for it.
 */
@Injectable()
export class ErrorReporter {
  private readonly logger = new Logger('ErrorReporter');
  private readonly reported: ReportedFailure[] = [];

  constructor(events: ResilienceEvents) {
    events.on('policy.created', (created) => {
      if (created.kind === 'circuitBreaker') {
        created.policy.on('failureCounted', ({ name, error }) => this.report(name, error));
      } else if (created.kind === 'retry') {
        created.policy.on('recovered', ({ attempts, error }) =>
          this.logger.debug(
            `${created.name} recovered on attempt ${attempts} from ${messageOf(error)}`,
          ),
        );
      }
    });
  }

  /** The latest reports, oldest first. */
  recent(): readonly ReportedFailure[] {
    return this.reported;
  }

  private report(breaker: string, error: unknown): void {
    const failure = { breaker, message: messageOf(error) };
    this.reported.push(failure);
    if (this.reported.length > KEPT) this.reported.shift();
    this.logger.debug(`${breaker}: ${failure.message}`);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
