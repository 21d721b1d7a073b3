import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { repoRoot, resultsDir } from './harness/paths.js';
import type { ResultsJson } from './harness/types.js';
import { renderReport } from './report/render.js';

// Usage: node dist-sample/bench/report.js [results.json] [--readme]; defaults to
// bench/results/latest.json. With --readme the table replaces the README's bench section.
const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith('--')) ?? join(resultsDir, 'latest.json');
const results = JSON.parse(readFileSync(file, 'utf8')) as ResultsJson;
const report = renderReport(results);

if (args.includes('--readme')) await writeIntoReadme(report);
else process.stdout.write(report);

/** Writes `section` between the README's bench markers, formatted as `npm run lint` wants it. */
async function writeIntoReadme(section: string): Promise<void> {
  const readme = join(repoRoot, 'README.md');
  const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
  const text = readFileSync(readme, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`README.md has no ${start} … ${end} section`);
  const updated = `${text.slice(0, from + start.length)}\n\n${section.trim()}\n${text.slice(to)}`;
  const options = { ...(await resolveConfig(readme)), filepath: readme };
  writeFileSync(readme, await format(updated, options));
}
