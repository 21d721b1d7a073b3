/** Progress goes to stderr so that stdout carries only the final table. */
export function progress(group: string, message: string): void {
  process.stderr.write(`[bench] ${group}: ${message}\n`);
}
