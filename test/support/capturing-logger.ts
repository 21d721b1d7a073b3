import type { LoggerService } from '@nestjs/common';

/** A Nest logger that keeps every line, for tests that assert what was logged. */
export class CapturingLogger implements LoggerService {
  readonly lines: { level: string; message: string }[] = [];
  log(message: string): void {
    this.lines.push({ level: 'log', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  verbose(message: string): void {
    this.lines.push({ level: 'verbose', message });
  }
}
