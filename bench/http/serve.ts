import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { describeError } from '../harness/describe-error.js';
import { type AppMessage, CLOSE_APP, REPORT_CPU } from './messages.js';

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}

function send(message: AppMessage, then: () => void = () => {}): void {
  process.send!(message, then);
}

/**
 * Starts `module` as an Express app on a free loopback port, tells the parent the port, and
 * closes when asked to or when the parent goes away.
 */
export async function serve(module: Type<unknown>): Promise<void> {
  let app: INestApplication;
  try {
    // Warnings and errors only, as in production: debug logging would be measured too.
    app = await NestFactory.create(module, { logger: ['error', 'warn'] });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    send({ type: 'failed', reason: describeError(error) }, () => process.exit(1));
    return;
  }
  const close = (): void => {
    void app.close().finally(() => process.exit(0));
  };
  process.on('message', (message) => {
    if (message === CLOSE_APP) close();
    if (message === REPORT_CPU) send({ type: 'cpu', micros: cpuMicros() });
  });
  process.on('disconnect', close);
  const { port } = app.getHttpServer().address() as AddressInfo;
  send({ type: 'ready', port });
}
