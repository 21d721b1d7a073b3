import { ResilienceConfigError, resolveResilienceOptions } from 'nestjs-bulwark';

const resolve = (options: Parameters<typeof resolveResilienceOptions>[0]) =>
  resolveResilienceOptions({ configFile: false, ...options }, { env: {} });

function issuesOf(options: Parameters<typeof resolveResilienceOptions>[0]): string[] {
  try {
    resolve(options);
  } catch (error) {
    if (error instanceof ResilienceConfigError)
      return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('dependencies and healthChecking options', () => {
  it('defaults: no dependencies, indicator timeout, history size, no critical breakers', () => {
    const options = resolve({});
    expect(options.dependencies).toEqual([]);
    expect(options.healthChecking).toMatchObject({
      indicatorTimeoutMs: 2_000,
      historySize: 100,
      criticalBreakers: [],
    });
  });

  it('keeps custom check functions', () => {
    const check = () => true;
    const options = resolve({
      dependencies: [{ name: 'db', type: 'database', healthCheck: { check } }],
    });
    expect(options.dependencies[0].healthCheck.check).toBe(check);
  });

  it('stops start-up naming each wrong dependency field', () => {
    const issues = issuesOf({
      dependencies: [
        { name: 'db', type: 'database', healthCheck: { endpoint: 'http://db/health' } },
        {
          name: 'api',
          type: 'mainframe' as never,
          healthCheck: { endpoint: 'nope' },
          dependsOn: ['queue'],
        },
      ],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dependencies\[1\]\.type: must be one of/),
        expect.stringMatching(
          /^dependencies\[1\]\.healthCheck\.endpoint: must be an absolute http/,
        ),
        expect.stringMatching(/^dependencies\[1\]\.dependsOn: names unknown dependencies: 'queue'/),
      ]),
    );
  });

  it('judges a dependency timeout against the merged default interval', () => {
    expect(
      issuesOf({
        healthChecking: { defaultIntervalMs: 1_000, defaultTimeoutMs: 500 },
        dependencies: [
          {
            name: 'db',
            type: 'database',
            healthCheck: { endpoint: 'http://db/', timeoutMs: 2_000 },
          },
        ],
      }),
    ).toEqual([
      expect.stringMatching(
        /^dependencies\[0\]\.healthCheck\.timeoutMs: must be at most the interval/,
      ),
    ]);
  });

  it('refuses bad healthChecking settings', () => {
    expect(
      issuesOf({
        healthChecking: {
          historySize: 0,
          criticalBreakers: 'payments' as never,
          indicatorTimeoutMs: -1,
        },
      }),
    ).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^healthChecking\.historySize/),
        expect.stringMatching(/^healthChecking\.criticalBreakers: must be a list of names/),
        expect.stringMatching(/^healthChecking\.indicatorTimeoutMs/),
      ]),
    );
  });
});
