import { join } from 'node:path';
import { describeError } from '../harness/describe-error.js';
import { benchDist } from '../harness/paths.js';
import { progress } from '../harness/progress.js';
import { rotate } from '../harness/rotation.js';
import { type MeasuredRound, toContenderRuns, withRatios } from '../harness/stats.js';
import type { BenchError } from '../harness/types.js';
import { type RunningApp, startApp } from '../http/app-process.js';
import { load } from '../http/load.js';
import { BODY, ROUTE } from '../http/messages.js';
import type { BenchGroup } from './group.js';

interface HttpContender {
  name: string;
  description: string;
  /** Compiled app file under dist-sample/bench/http/. */
  app: string;
}

const contenders: HttpContender[] = [
  { name: 'plain', description: 'the route, undecorated', app: 'plain.app.js' },
  {
    name: 'bulwark decorators',
    description:
      '@CircuitBreaker + @Retry + @Timeout(1000), applied by ResilienceModule.forRoot’s interceptor',
    app: 'bulwark.app.js',
  },
  {
    name: '@nestjs/throttler guard',
    description: 'global ThrottlerGuard, ttl 1 s, limit 1e9 (nothing rejected)',
    app: 'throttler.app.js',
  },
  {
    name: 'nestjs-resilience interceptor',
    description: 'ResilienceInterceptor(Timeout(1000), CircuitBreaker, Retry(2))',
    app: 'nestjs-resilience.app.js',
  },
];

interface LiveApp {
  contender: HttpContender;
  app: RunningApp;
  rounds: MeasuredRound[];
}

/** An app that answers anything but 200 "ok" would be measured doing something else. */
async function checkAnswers(url: string): Promise<void> {
  const response = await fetch(url + ROUTE);
  const body = await response.text();
  if (response.status !== 200 || body !== BODY) {
    throw new Error(`GET ${ROUTE} answered ${response.status} ${body.slice(0, 200)}`);
  }
}

export const httpGroup: BenchGroup = {
  name: 'http',
  async run(config) {
    const { rounds, durationSec, warmupSec, connections } = config.http;
    const errors: BenchError[] = [];
    const fail = (contender: HttpContender, error: unknown): void => {
      errors.push({ group: 'http', contender: contender.name, message: describeError(error) });
    };

    let live: LiveApp[] = [];
    for (const contender of contenders) {
      let app: RunningApp | undefined;
      try {
        app = await startApp(join(benchDist, 'http', contender.app));
        await checkAnswers(app.url);
        await load(app.url, connections, warmupSec);
        live.push({ contender, app, rounds: [] });
        progress('http', `${contender.name} is up`);
      } catch (error) {
        fail(contender, error);
        await app?.close();
      }
    }

    try {
      for (let round = 0; round < rounds; round++) {
        for (const entry of rotate(live, round)) {
          const result = await load(entry.app.url, connections, durationSec);
          if (result.failures > 0) {
            fail(entry.contender, new Error(`${result.failures} failed requests in a round`));
            live = live.filter((other) => other !== entry);
            await entry.app.close();
            continue;
          }
          entry.rounds.push({ value: result.reqPerSec, extra: { p99Ms: result.p99Ms } });
        }
        progress('http', `round ${round + 1}/${rounds}`);
      }
    } finally {
      await Promise.all(live.map((entry) => entry.app.close()));
    }

    const measured = new Map(live.map((entry) => [entry.contender.name, entry.rounds]));
    const describe = new Map(contenders.map((c) => [c.name, c.description]));
    return {
      name: 'http',
      description:
        `Nest on Express, GET ${ROUTE} returning "${BODY}", autocannon on loopback, ` +
        `${connections} connections, ${durationSec} s per contender per round.`,
      metric: 'reqPerSec',
      baseline: 'plain',
      ratioMeaning: 'requests per second ÷ the plain route’s in the same round (higher is better)',
      settings: { rounds, durationSec, warmupSec, connections },
      contenders: toContenderRuns(withRatios(measured, 'plain'), (name) => ({
        description: describe.get(name)!,
      })),
      errors,
    };
  },
};
