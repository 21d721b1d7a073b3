/** Base class of every error this library throws; `code` is stable across versions. */
export class ResilienceError extends Error {
  constructor(
    message: string,
    /** A stable machine-readable code, e.g. `CIRCUIT_OPEN`. */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
