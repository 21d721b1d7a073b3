import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir } from './harness/paths.js';
import type { ResultsJson } from './harness/types.js';
import { renderReport } from './report/render.js';

// Usage: node dist-sample/bench/report.js [results.json]; defaults to bench/results/latest.json.
const file = process.argv[2] ?? join(resultsDir, 'latest.json');
const results = JSON.parse(readFileSync(file, 'utf8')) as ResultsJson;
process.stdout.write(renderReport(results));
