import { ownEntry } from './own-entry.js';
import type { CategoryMatch } from './category-defaults.js';

const transientDatabase: CategoryMatch = {
  category: 'database',
  retryable: true,
  suggestedStrategy: 'retry',
};
const constraint: CategoryMatch = { category: 'database', severity: 'MEDIUM' };

/** MySQL / MariaDB error codes as the mysql and mysql2 drivers name them. */
const MYSQL_CODES: Readonly<Record<string, CategoryMatch>> = {
  ER_LOCK_DEADLOCK: transientDatabase,
  ER_LOCK_WAIT_TIMEOUT: transientDatabase,
  ER_DUP_ENTRY: constraint,
  ER_NO_REFERENCED_ROW_2: constraint,
  ER_ROW_IS_REFERENCED_2: constraint,
  ER_ACCESS_DENIED_ERROR: { category: 'authentication' },
  ER_DBACCESS_DENIED_ERROR: { category: 'authorization' },
  ER_TABLEACCESS_DENIED_ERROR: { category: 'authorization' },
  ER_CON_COUNT_ERROR: { category: 'resource_exhaustion' },
  ER_TOO_MANY_USER_CONNECTIONS: { category: 'resource_exhaustion' },
  ER_OUT_OF_RESOURCES: { category: 'resource_exhaustion' },
  ER_OUTOFMEMORY: { category: 'resource_exhaustion' },
  ER_BAD_DB_ERROR: { category: 'configuration' },
  ER_QUERY_TIMEOUT: { category: 'timeout' },
  ER_QUERY_INTERRUPTED: { category: 'timeout' },
  PROTOCOL_SEQUENCE_TIMEOUT: { category: 'timeout' },
  PROTOCOL_CONNECTION_LOST: { category: 'connection' },
  ER_SERVER_SHUTDOWN: { category: 'connection' },
  ER_NET_READ_INTERRUPTED: { category: 'connection' },
  ER_DATA_TOO_LONG: { category: 'validation' },
  ER_TRUNCATED_WRONG_VALUE: { category: 'validation' },
  ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: { category: 'validation' },
};

/** Reads a MySQL driver code; any other `ER_…` code is a database error. */
export function categoryOfMysqlCode(code: string | undefined): CategoryMatch | undefined {
  if (code === undefined) return undefined;
  return (
    ownEntry(MYSQL_CODES, code) ?? (code.startsWith('ER_') ? { category: 'database' } : undefined)
  );
}
