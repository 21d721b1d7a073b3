/** `table[key]` for the table's own keys only, so `'constructor'` or `'toString'` find nothing. */
export function ownEntry<T>(
  table: Readonly<Record<string, T>>,
  key: string | undefined,
): T | undefined {
  return key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
