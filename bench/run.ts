import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config.js';
import { runGroupInChild } from './harness/child-process.js';
import { describeError } from './harness/describe-error.js';
import { describeEnvironment } from './harness/environment.js';
import { mergeRuns } from './harness/merge.js';
import { resultsDir } from './harness/paths.js';
import { toGroupJson } from './harness/to-json.js';
import type { BenchError, GroupRun, ResultsJson } from './harness/types.js';
import { groupLoaders } from './groups/index.js';
import { renderReport } from './report/render.js';

const config = loadConfig();
const currentLoad = (): number => Math.round(loadavg()[0] * 100) / 100;
const selected = process.env.BENCH_GROUPS?.split(',').map((name) => name.trim()) ?? [
  ...Object.keys(groupLoaders),
];
const started = Date.now();

const results: ResultsJson = {
  date: new Date().toISOString(),
  quick: config.quick,
  ...describeEnvironment(),
  loadAverage: { start: currentLoad(), end: Number.NaN },
  groups: {},
  errors: [],
};

for (const group of selected) {
  const runs: GroupRun[] = [];
  const processes = config.processes[group] ?? 1;
  for (let index = 0; index < processes; index++) {
    try {
      runs.push(await runGroupInChild(group, config.groupTimeoutMs));
    } catch (error) {
      results.errors.push({ group, message: describeError(error) } satisfies BenchError);
    }
  }
  if (runs.length === 0) continue;
  const merged = mergeRuns(runs);
  results.groups[group] = toGroupJson(merged);
  results.errors.push(...merged.errors);
}

results.loadAverage.end = currentLoad();

// A smoke run must not overwrite the figures the README is generated from.
const outFile =
  process.env.BENCH_OUT ?? join(resultsDir, config.quick ? 'quick.tmp.json' : 'latest.json');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(outFile, JSON.stringify(results, null, 2) + '\n');

process.stdout.write(renderReport(results));
process.stderr.write(
  `[bench] wrote ${outFile} in ${Math.round((Date.now() - started) / 1000)} s` +
    (results.errors.length > 0 ? ` with ${results.errors.length} error(s)\n` : '\n'),
);
