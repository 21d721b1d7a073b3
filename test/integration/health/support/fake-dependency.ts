import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** How the fake answers: 200, 200 after `slowMs`, or 500. `down()` closes it instead. */
export type FakeMode = 'healthy' | 'slow' | 'failing';

/**
 * A real HTTP dependency on loopback that a test can make healthy, slow, failing or down
 * (closed: connections are refused) and bring back on the same port.
 */
export class FakeDependency {
  mode: FakeMode = 'healthy';
  slowMs = 2_000;
  hits = 0;
  private server?: Server;
  private readonly slowTimers = new Set<NodeJS.Timeout>();

  private constructor(private port: number) {}

  static async start(): Promise<FakeDependency> {
    const fake = new FakeDependency(0);
    await fake.up();
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/health`;
  }

  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((request, response) => this.answer(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Closes the server and every connection: the next check gets ECONNREFUSED. */
  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const timer of this.slowTimers) clearTimeout(timer);
    this.slowTimers.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private answer(_request: IncomingMessage, response: ServerResponse): void {
    this.hits++;
    if (this.mode === 'failing') return void response.writeHead(500).end('failing');
    if (this.mode === 'healthy') return void response.writeHead(200).end('ok');
    const timer = setTimeout(() => {
      this.slowTimers.delete(timer);
      response.writeHead(200).end('late');
    }, this.slowMs);
    this.slowTimers.add(timer);
  }
}
