/** Where JSON text stops being valid: 1-based line and column. */
export interface JsonErrorLocation {
  line: number;
  column: number;
}

/**
 * Locates a JSON.parse failure. V8 gives the position for most errors but not for
 * "Unexpected token"; then the position is found by bisection, because every prefix of
 * valid JSON fails only at its end while a prefix that holds the mistake fails inside.
 */
export function locateJsonError(text: string, error: unknown): JsonErrorLocation {
  const reported = reportedPosition(error);
  const position = reported ?? firstInvalidPosition(text);
  return lineAndColumn(text, position);
}

function reportedPosition(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

function failsInside(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (message.includes('Unexpected end of JSON input')) return false;
    const position = reportedPosition(error);
    return position === undefined || position < prefix.length;
  }
}

/** The smallest prefix that fails inside ends with the offending character. */
function firstInvalidPosition(text: string): number {
  if (!failsInside(text)) return text.length;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsInside(text.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return high - 1;
}

function lineAndColumn(text: string, position: number): JsonErrorLocation {
  const before = text.slice(0, Math.min(position, text.length));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}
