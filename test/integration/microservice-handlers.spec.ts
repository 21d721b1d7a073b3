import { Controller, Module, type INestApplication } from '@nestjs/common';
import {
  ClientProxyFactory,
  MessagePattern,
  RpcException,
  Transport,
  type ClientProxy,
} from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { firstValueFrom } from 'rxjs';
import { CircuitBreaker, ResilienceModule, Retry } from 'nestjs-bulwark';
import { freePort } from './support/free-port.js';

const calls = { flaky: 0, broken: 0 };

@Controller()
class MathHandlers {
  @Retry({ maxAttempts: 3, baseDelayMs: 0 })
  @MessagePattern('flaky-sum')
  flakySum(numbers: number[]): number {
    calls.flaky++;
    if (calls.flaky < 3) throw new RpcException('not yet');
    return numbers.reduce((a, b) => a + b, 0);
  }

  @CircuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: 60_000 })
  @MessagePattern('broken')
  broken(): never {
    calls.broken++;
    throw new RpcException('broken');
  }
}

@Module({ imports: [ResilienceModule.forRoot({ configFile: false })], controllers: [MathHandlers] })
class MicroserviceModule {}

describe('decorators on microservice (TCP) handlers', () => {
  let app: INestApplication;
  let client: ClientProxy;

  beforeAll(async () => {
    const port = await freePort();
    const moduleRef = await Test.createTestingModule({ imports: [MicroserviceModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    // A hybrid app's microservice gets global interceptors only with inheritAppConfig.
    app.connectMicroservice(
      { transport: Transport.TCP, options: { host: '127.0.0.1', port } },
      { inheritAppConfig: true },
    );
    await app.startAllMicroservices();
    await app.init();
    client = ClientProxyFactory.create({
      transport: Transport.TCP,
      options: { host: '127.0.0.1', port },
    });
    await client.connect();
  });

  afterAll(async () => {
    await client.close();
    await app.close();
  });

  it('retries the handler and answers through the transport', async () => {
    await expect(firstValueFrom(client.send('flaky-sum', [1, 2, 3]))).resolves.toBe(6);
    expect(calls.flaky).toBe(3);
  });

  it('an open breaker reaches the client as a transport error, not an HTTP one', async () => {
    await expect(firstValueFrom(client.send('broken', {}))).rejects.toMatchObject({
      message: 'broken',
    });
    const rejected = await firstValueFrom(client.send('broken', {})).catch((e: unknown) => e);
    expect(JSON.stringify(rejected)).not.toContain('503');
    expect(calls.broken).toBe(1);
  });
});
