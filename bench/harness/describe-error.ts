/** A one-line reason for the results file. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const firstStackLine = error.stack?.split('\n')[1]?.trim();
    const where = firstStackLine ? ` (${firstStackLine})` : '';
    return `${error.name}: ${error.message}${where}`;
  }
  return String(error);
}
