import { ownEntry } from './own-entry.js';
import type { CategoryMatch } from './category-defaults.js';

const transientDatabase: CategoryMatch = {
  category: 'database',
  retryable: true,
  suggestedStrategy: 'retry',
};

/** SQLSTATE codes read on their own, before their class. */
const POSTGRES_CODES: Readonly<Record<string, CategoryMatch>> = {
  '40001': transientDatabase, // serialization_failure
  '40P01': transientDatabase, // deadlock_detected
  '55P03': transientDatabase, // lock_not_available
  '57014': { category: 'timeout' }, // query_canceled (statement_timeout)
  '57P01': { category: 'connection' }, // admin_shutdown
  '57P02': { category: 'connection' }, // crash_shutdown
  '57P03': { category: 'connection' }, // cannot_connect_now
  '53100': { category: 'resource_exhaustion', retryable: false }, // disk_full
  '42501': { category: 'authorization' }, // insufficient_privilege
  '3D000': { category: 'configuration' }, // invalid_catalog_name (no such database)
  '3F000': { category: 'configuration' }, // invalid_schema_name
};

/** SQLSTATE classes (the first two characters). */
const POSTGRES_CLASSES: Readonly<Record<string, CategoryMatch>> = {
  '08': { category: 'connection' },
  '22': { category: 'validation' },
  '23': { category: 'database', severity: 'MEDIUM' },
  '25': { category: 'database' },
  '28': { category: 'authentication' },
  '40': transientDatabase,
  '42': { category: 'database' },
  '53': { category: 'resource_exhaustion' },
  '54': { category: 'database' },
  '57': { category: 'database' },
  '58': { category: 'database', retryable: true },
  XX: { category: 'database' },
};

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** Reads a PostgreSQL (pg, postgres.js, Prisma's `meta.code`) SQLSTATE code. */
export function categoryOfPostgresCode(code: string | undefined): CategoryMatch | undefined {
  if (code === undefined || !SQLSTATE.test(code)) return undefined;
  return ownEntry(POSTGRES_CODES, code) ?? ownEntry(POSTGRES_CLASSES, code.slice(0, 2));
}
