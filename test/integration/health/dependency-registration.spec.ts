import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DependencyHealthService } from 'nestjs-bulwark';
import { adapters } from '../support/adapters.js';
import { FakeDependency } from './support/fake-dependency.js';
import { ADMIN_KEY, startHealthApp } from './support/health-app.js';
import { waitFor } from './support/wait-for.js';

const valid = (url: string, name = 'payments-api') => ({
  name,
  type: 'external_api',
  criticality: 'high',
  healthCheck: {
    endpoint: url,
    intervalMs: 50,
    timeoutMs: 50,
    failureThreshold: 1,
    successThreshold: 1,
  },
});

describe.each(adapters)('POST /resilience/dependencies (%s)', (_name, adapter) => {
  let fake: FakeDependency;
  let app: INestApplication;
  const names = () =>
    app
      .get(DependencyHealthService)
      .list()
      .map((d) => d.name);
  const post = (body: unknown, key: string | null = ADMIN_KEY) => {
    const call = request(app.getHttpServer()).post('/resilience/dependencies');
    return key ? call.set('x-api-key', key).send(body as object) : call.send(body as object);
  };

  beforeEach(async () => {
    fake = await FakeDependency.start();
    app = await startHealthApp(adapter, {
      dependencies: [
        { name: 'db', type: 'database', healthCheck: { endpoint: fake.url, intervalMs: 60_000 } },
      ],
    });
  });
  afterEach(async () => {
    await app.close();
    await fake.down();
  });

  it('401 without the admin key, and nothing is registered', async () => {
    await post(valid(fake.url), null).expect(401);
    await post(valid(fake.url), 'wrong').expect(401);
    expect(names()).toEqual(['db']);
  });

  const badBodies: [string, (url: string) => unknown, string][] = [
    ['an unknown type', (url) => ({ ...valid(url), type: 'mainframe' }), 'type: must be one of'],
    [
      'a bad URL',
      (url) => ({ ...valid(url), healthCheck: { endpoint: 'localhost:80/health' } }),
      'healthCheck.endpoint',
    ],
    [
      'a non-HTTP URL',
      () => ({ ...valid(''), healthCheck: { endpoint: 'file:///etc/passwd' } }),
      'healthCheck.endpoint',
    ],
    [
      'an unknown dependsOn',
      (url) => ({ ...valid(url), dependsOn: ['db', 'ghost'] }),
      "names unknown dependencies: 'ghost'",
    ],
    [
      'a self dependency',
      (url) => ({ ...valid(url), dependsOn: ['payments-api'] }),
      'forms a cycle: payments-api -> payments-api',
    ],
    [
      'a cycle within the batch',
      (url) => [
        { ...valid(url, 'a'), dependsOn: ['b'] },
        { ...valid(url, 'b'), dependsOn: ['a'] },
      ],
      'forms a cycle: a -> b -> a',
    ],
    [
      'a zero failure threshold',
      (url) => ({ ...valid(url), healthCheck: { endpoint: url, failureThreshold: 0 } }),
      'healthCheck.failureThreshold',
    ],
    [
      'a negative interval',
      (url) => ({ ...valid(url), healthCheck: { endpoint: url, intervalMs: -1 } }),
      'healthCheck.intervalMs',
    ],
    [
      'a timeout above the interval',
      (url) => ({ ...valid(url), healthCheck: { endpoint: url, timeoutMs: 500, intervalMs: 100 } }),
      'healthCheck.timeoutMs',
    ],
    [
      'a number as string',
      (url) => ({ ...valid(url), healthCheck: { endpoint: url, successThreshold: '2' } }),
      'healthCheck.successThreshold',
    ],
    [
      'a name already taken',
      (url) => ({ ...valid(url), name: 'db' }),
      "'db' is already registered",
    ],
    [
      'no health check',
      (url) => ({ name: 'x', type: 'cache', criticality: 'low', endpoint: url }),
      'healthCheck: is required',
    ],
    ['an unknown field', (url) => ({ ...valid(url), retries: 3 }), 'retries: unknown option'],
    ['an empty list', () => [], 'must hold 1 to 100 dependencies'],
    ['a list holding a string', () => ['db'], '(body): must be an object'],
  ];

  it.each(badBodies)(
    '400 for %s, with the reason, and the registry unchanged',
    async (_case, body, reason) => {
      const response = await post(body(fake.url)).expect(400);
      expect(response.body.message).toContain(reason);
      expect(response.body.issues.length).toBeGreaterThan(0);
      expect(names()).toEqual(['db']);
    },
  );

  it('registers one dependency, checks it, and lists it', async () => {
    const created = await post({ ...valid(fake.url), dependsOn: ['db'] }).expect(201);
    expect(created.body.registered).toEqual([
      expect.objectContaining({
        name: 'payments-api',
        criticality: 'high',
        dependsOn: ['db'],
        status: 'unknown',
      }),
    ]);
    await waitFor(
      async () => (await request(app.getHttpServer()).get('/resilience/dependencies')).body,
      (body) => body.dependencies[1]?.status === 'healthy',
    );
    const { body } = await request(app.getHttpServer()).get('/resilience/dependencies').expect(200);
    expect(body.edges).toEqual([{ from: 'payments-api', to: 'db' }]);
    expect(body.dependencies[0].dependents).toEqual(['payments-api']);
  });

  it('registers several at once, all or nothing', async () => {
    await post([valid(fake.url, 'one'), { ...valid(fake.url, 'two'), dependsOn: ['one'] }]).expect(
      201,
    );
    expect(names()).toEqual(['db', 'one', 'two']);
    await post([valid(fake.url, 'three'), { ...valid(fake.url, 'four'), type: 'nope' }]).expect(
      400,
    );
    expect(names()).toEqual(['db', 'one', 'two']);
  });
});
