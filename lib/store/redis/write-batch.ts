/** A socket that can hold writes back (a `net.Socket`, or a TLS one). */
export interface CorkableSocket {
  cork(): void;
  uncork(): void;
}

/**
 * Commands sent together leave together: a command sent while others are in flight corks
 * the socket, and a microtask uncorks it once the current tick's code has run, so 100
 * decisions in flight cost one `writev` system call instead of 100 `write`s (each one a
 * loopback or network send, which costs more than the command itself). A command sent
 * while none is in flight (one decision at a time) is written at once and costs nothing
 * more. Still one round trip per command, and replies are not held back. A client without
 * one socket (a Cluster) is left alone.
 */
export class WriteBatch {
  private corked: CorkableSocket | undefined;

  constructor(private readonly socketOf: () => CorkableSocket | undefined) {}

  /** Call just before sending a command; `othersInFlight`: commands still unanswered. */
  sending(othersInFlight: boolean): void {
    if (this.corked || !othersInFlight) return;
    const socket = this.socketOf();
    if (!socket) return;
    socket.cork();
    this.corked = socket;
    queueMicrotask(this.flush);
  }

  private readonly flush = (): void => {
    const socket = this.corked;
    this.corked = undefined;
    socket?.uncork();
  };
}
