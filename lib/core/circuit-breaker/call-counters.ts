/** What a breaker has seen since it was created or last reset. */
export class CallCounters {
  successes = 0;
  failures = 0;
  slowCalls = 0;
  rejected = 0;
  ignored = 0;

  clear(): void {
    this.successes = 0;
    this.failures = 0;
    this.slowCalls = 0;
    this.rejected = 0;
    this.ignored = 0;
  }
}
