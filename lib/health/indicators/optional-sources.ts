import type { ModuleRef } from '@nestjs/core';

/**
 * What the memory indicator reads from the memory controller, when the app has one:
 * `pressureLevel` `normal` is up, `warning` degraded, `critical` or `emergency` down.
 */
export interface MemoryPressureSource {
  getMemoryStats(): MemoryPressureReading | Promise<MemoryPressureReading>;
}

/** The part of the memory controller's stats the indicator needs (the rest is reported as is). */
export interface MemoryPressureReading {
  pressureLevel: string;
  [detail: string]: unknown;
}

/** What the DLQ indicator reads from the dead-letter queue, when the app has one. */
export interface DeadLetterQueueHealthSource {
  /** Messages waiting, and those that used up their retries. */
  getQueueHealth(): DeadLetterQueueHealth | Promise<DeadLetterQueueHealth>;
}

/** The DLQ's depth; `healthy: false` reports down (e.g. its store is unreachable). */
export interface DeadLetterQueueHealth {
  healthy: boolean;
  pending: number;
  exhausted?: number;
  [detail: string]: unknown;
}

/** Token under which a memory controller can offer itself to the memory indicator. */
export const MEMORY_PRESSURE_SOURCE = Symbol('RESILIENCE:MEMORY_PRESSURE_SOURCE');

/** Token under which a dead-letter queue can offer itself to the DLQ indicator. */
export const DEAD_LETTER_QUEUE_HEALTH_SOURCE = Symbol('RESILIENCE:DLQ_HEALTH_SOURCE');

/** The provider of `token` anywhere in the app, or `undefined` when there is none. */
export function optionalProvider<T>(moduleRef: ModuleRef, token: symbol | string): T | undefined {
  try {
    return moduleRef.get<T>(token, { strict: false });
  } catch {
    return undefined;
  }
}

/** Provider data as indicator data: `status` is Terminus's own key and may not be passed on. */
export function withoutStatusKey<T extends object>(data: T): Omit<T, 'status'> {
  const { status: _status, ...rest } = data as T & { status?: unknown };
  return rest;
}
