import { BadRequestException, Injectable } from '@nestjs/common';

/** How the simulated downstream misbehaves. */
export interface DownstreamSettings {
  /** Share of calls that fail, 0..1. */
  failureRate: number;
  /** Delay of every call, in ms. */
  latencyMs: number;
}

/**
 * A simulated remote dependency (a payment provider, an exchange-rate API). Its failure
 * rate and latency come from FLAKY_FAILURE_RATE and FLAKY_LATENCY_MS and can be changed
 * at run time through POST /downstream/settings.
 */
@Injectable()
export class FlakyDownstream {
  private settings: DownstreamSettings = {
    failureRate: Number(process.env.FLAKY_FAILURE_RATE ?? 0.3),
    latencyMs: Number(process.env.FLAKY_LATENCY_MS ?? 50),
  };
  calls = 0;

  current(): DownstreamSettings {
    return { ...this.settings };
  }

  /** Validates the whole body first: a bad body changes nothing. */
  configure(body: unknown): DownstreamSettings {
    const next = { ...this.settings, ...(body as Partial<DownstreamSettings>) };
    if (typeof next.failureRate !== 'number' || next.failureRate < 0 || next.failureRate > 1) {
      throw new BadRequestException('failureRate must be a number between 0 and 1');
    }
    if (typeof next.latencyMs !== 'number' || next.latencyMs < 0 || next.latencyMs > 60_000) {
      throw new BadRequestException('latencyMs must be a number between 0 and 60000');
    }
    this.settings = { failureRate: next.failureRate, latencyMs: next.latencyMs };
    return this.current();
  }

  /** One call to the dependency: waits the latency, then fails at the configured rate. */
  async call<T>(operation: string, result: T): Promise<T> {
    this.calls++;
    await new Promise((resolve) => setTimeout(resolve, this.settings.latencyMs));
    if (Math.random() < this.settings.failureRate) {
      throw Object.assign(new Error(`downstream failed during ${operation}`), { status: 502 });
    }
    return result;
  }
}
