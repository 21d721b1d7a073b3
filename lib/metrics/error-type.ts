/** A short, bounded name for what was thrown: the error's `name`, else its type. */
export function errorTypeOf(error: unknown): string {
  if (error instanceof Error) return error.name || error.constructor.name || 'Error';
  if (typeof error === 'object' && error !== null) return error.constructor?.name ?? 'object';
  return typeof error;
}
