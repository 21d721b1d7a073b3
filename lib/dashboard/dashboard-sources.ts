import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { builtInReaders } from './built-in-readers.js';
import type {
  DashboardSection,
  DashboardSectionData,
  DashboardSectionName,
  SectionReader,
} from './dashboard-sections.js';

/** Every optional section, read now. */
export type DashboardSectionsSnapshot = {
  [K in DashboardSectionName]: DashboardSection<DashboardSectionData[K]>;
};

const SECTIONS: DashboardSectionName[] = ['dependencies', 'degradation', 'predictions', 'dlq'];

/**
 * The optional parts of the dashboard: dependencies, degradation, predictions and the
 * dead-letter queue. Those the app has are found among its providers; a capability (or
 * the app) can provide or replace a section with {@link DashboardSources.provide}. A
 * section nobody provides shows as not enabled; one whose reader throws shows its error.
 *
 * @example
 * ```ts
 * sources.provide('predictions', () => ({ items: predictor.getPredictions() }));
 * ```
 */
@Injectable()
export class DashboardSources {
  private readonly provided: { [K in DashboardSectionName]?: SectionReader<K> } = {};
  private found?: ReturnType<typeof builtInReaders>;

  constructor(private readonly moduleRef: ModuleRef) {}

  /** Reads `section` with `reader` from now on. */
  provide<K extends DashboardSectionName>(section: K, reader: SectionReader<K>): void {
    (this.provided as Record<K, SectionReader<K>>)[section] = reader;
  }

  /** Every section, read now (in parallel). */
  async read(): Promise<DashboardSectionsSnapshot> {
    // Looked up on first use: every provider of the app exists by then.
    this.found ??= builtInReaders(this.moduleRef);
    const sections = await Promise.all(SECTIONS.map((name) => this.readOne(name)));
    return Object.fromEntries(
      SECTIONS.map((name, i) => [name, sections[i]]),
    ) as DashboardSectionsSnapshot;
  }

  private async readOne<K extends DashboardSectionName>(
    name: K,
  ): Promise<DashboardSection<DashboardSectionData[K]>> {
    const reader = (this.provided[name] ?? this.found?.[name]) as SectionReader<K> | undefined;
    if (!reader) return { enabled: false };
    try {
      return { enabled: true, data: await reader() };
    } catch (error) {
      return { enabled: true, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
