/** Events of a {@link TimeoutPolicy}. */
export interface TimeoutEvents {
  /** A call ran past `ms`: its signal was aborted and it was rejected with `PolicyTimeoutError`. */
  timeout: { ms: number };
}
