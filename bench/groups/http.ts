import { join } from 'node:path';
import { describeError } from '../harness/describe-error.js';
import { CPU_PER_REQUEST, SAME_APP_CPU_RATIO, SAME_APP_RATIO } from '../harness/figures.js';
import { benchDist } from '../harness/paths.js';
import { progress } from '../harness/progress.js';
import { rotate } from '../harness/rotation.js';
import { type MeasuredRound, toContenderRuns, withRatios } from '../harness/stats.js';
import type { BenchError } from '../harness/types.js';
import { type RunningApp, startApp } from '../http/app-process.js';
import { pinAppApartFromLoad } from '../http/cpu-pinning.js';
import { load, loadInterleaved } from '../http/load.js';
import { BODY, PROTECTED_ROUTE, ROUTE } from '../http/messages.js';
import type { BenchGroup } from './group.js';

interface HttpContender {
  name: string;
  description: string;
  /** Compiled app file under dist-sample/bench/http/; contenders may share one app. */
  app: string;
  route: string;
  /** A contender on the same app whose figure this one is also divided by, round by round. */
  sameAppBaseline?: string;
}

const BULWARK_UNDECORATED = 'bulwark app, undecorated route';

/** Routes of one app alternate in slices this long, so their ratio pairs neighbours in time. */
const SLICE_SEC = 0.5;

const contenders: HttpContender[] = [
  { name: 'plain', description: 'the route, undecorated', app: 'plain.app.js', route: ROUTE },
  {
    name: BULWARK_UNDECORATED,
    description: 'ResilienceModule.forRoot({}) imported, a route without decorators',
    app: 'bulwark.app.js',
    route: ROUTE,
  },
  {
    name: 'bulwark decorators',
    description:
      'the same app’s route with @CircuitBreaker + @Retry + @Timeout(1000) + @RateLimit (memory, limit 1e9 per 1 s, nothing rejected), applied by its interceptor',
    app: 'bulwark.app.js',
    route: PROTECTED_ROUTE,
    sameAppBaseline: BULWARK_UNDECORATED,
  },
  {
    name: '@nestjs/throttler guard',
    description: 'global ThrottlerGuard, ttl 1 s, limit 1e9 (nothing rejected)',
    app: 'throttler.app.js',
    route: ROUTE,
  },
  {
    name: 'nestjs-resilience interceptor',
    description: 'ResilienceInterceptor(Timeout(1000), CircuitBreaker, Retry(2))',
    app: 'nestjs-resilience.app.js',
    route: ROUTE,
  },
];

interface LiveContender {
  contender: HttpContender;
  url: string;
  rounds: MeasuredRound[];
}

/** A route that answers anything but 200 "ok" would be measured doing something else. */
async function checkAnswers(url: string): Promise<void> {
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200 || body !== BODY) {
    throw new Error(`GET ${url} answered ${response.status} ${body.slice(0, 200)}`);
  }
}

/** Starts each app once, however many contenders it serves. */
async function startApps(
  fail: (contender: HttpContender, error: unknown) => void,
): Promise<{ apps: Map<string, RunningApp>; live: LiveContender[]; pinned: boolean }> {
  const apps = new Map<string, RunningApp>();
  const live: LiveContender[] = [];
  let pinned = true;
  for (const contender of contenders) {
    try {
      let app = apps.get(contender.app);
      if (!app) {
        app = await startApp(join(benchDist, 'http', contender.app));
        pinned = pinAppApartFromLoad(app.pid) && pinned;
        apps.set(contender.app, app);
      }
      const url = app.url + contender.route;
      await checkAnswers(url);
      live.push({ contender, url, rounds: [] });
      progress('http', `${contender.name} is up`);
    } catch (error) {
      fail(contender, error);
    }
  }
  return { apps, live, pinned };
}

/** The live routes grouped by app, the apps in the rotated order of one round. */
function appsInRoundOrder(live: readonly LiveContender[], round: number): LiveContender[][] {
  const byApp = new Map<string, LiveContender[]>();
  for (const entry of live) {
    byApp.set(entry.contender.app, [...(byApp.get(entry.contender.app) ?? []), entry]);
  }
  return rotate([...byApp.values()], round);
}

/** Adds, round by round, each contender's figure ÷ its same-app baseline's. */
function withSameAppRatios(measured: Map<string, MeasuredRound[]>): void {
  for (const contender of contenders) {
    const rounds = measured.get(contender.name);
    const baseline = contender.sameAppBaseline && measured.get(contender.sameAppBaseline);
    if (!rounds || !baseline) continue;
    rounds.forEach((round, index) => {
      const reference = baseline[index];
      if (!reference) return;
      round.extra = { ...round.extra, [SAME_APP_RATIO]: round.value / reference.value };
      const ownCpu = round.extra[CPU_PER_REQUEST];
      const referenceCpu = reference.extra?.[CPU_PER_REQUEST];
      if (ownCpu && referenceCpu) round.extra[SAME_APP_CPU_RATIO] = referenceCpu / ownCpu;
    });
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

    const { apps, live: started, pinned } = await startApps(fail);
    let live = started;
    try {
      for (const entry of live) await load(entry.url, connections, warmupSec);
      for (let round = 0; round < rounds; round++) {
        for (const routes of appsInRoundOrder(live, round)) {
          const results =
            routes.length > 1
              ? await loadInterleaved(
                  routes.map((entry) => entry.url),
                  connections,
                  durationSec,
                  SLICE_SEC,
                  apps.get(routes[0].contender.app)?.cpuMicros,
                )
              : [await load(routes[0].url, connections, durationSec)];
          routes.forEach((entry, index) => {
            const result = results[index];
            if (result.failures > 0) {
              fail(entry.contender, new Error(`${result.failures} failed requests in a round`));
              live = live.filter((other) => other !== entry);
              return;
            }
            const cpu = result.cpuUsPerRequest;
            const extra = { p99Ms: result.p99Ms, ...(cpu ? { [CPU_PER_REQUEST]: cpu } : {}) };
            entry.rounds.push({ value: result.reqPerSec, extra });
          });
        }
        progress('http', `round ${round + 1}/${rounds}`);
      }
    } finally {
      await Promise.all([...apps.values()].map((app) => app.close()));
    }

    const measured = new Map(live.map((entry) => [entry.contender.name, entry.rounds]));
    withSameAppRatios(measured);
    const describe = new Map(contenders.map((c) => [c.name, c.description]));
    return {
      name: 'http',
      description:
        `Nest on Express, GET returning "${BODY}", autocannon on loopback, ` +
        `${connections} connections, ${durationSec} s per contender per round. ` +
        `The bulwark app serves an undecorated and a protected route, loaded in alternating ` +
        `${SLICE_SEC} s slices; the protected one is also divided by the undecorated one of ` +
        `the same app, round by round (goal ≥ 0.95), by requests per second and by the app's ` +
        `CPU time per request (steadier on a shared machine). ` +
        (pinned
          ? 'Each app runs on a CPU of its own, autocannon on the others (taskset).'
          : 'Apps and autocannon share the CPUs (no taskset, or one CPU).'),
      metric: 'reqPerSec',
      baseline: 'plain',
      ratioMeaning: 'requests per second ÷ the plain route’s in the same round (higher is better)',
      settings: {
        rounds,
        durationSec,
        warmupSec,
        connections,
        cpus: pinned ? 'app pinned apart from load' : 'shared',
      },
      contenders: toContenderRuns(withRatios(measured, 'plain'), (name) => ({
        description: describe.get(name)!,
      })),
      errors,
    };
  },
};
