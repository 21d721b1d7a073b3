import { CPU_PER_REQUEST, SAME_APP_CPU_RATIO, SAME_APP_RATIO } from '../harness/figures.js';
import { medianKey } from '../harness/to-json.js';
import type { ContenderJson, GroupJson, Metric, ResultsJson } from '../harness/types.js';

/** How long a full run takes on the CI machine kind. */
const BENCH_MINUTES = '6–7';

interface Column {
  title: string;
  cell(contender: ContenderJson): string;
}

const figure =
  (key: string, digits = 0) =>
  (contender: ContenderJson): string => {
    const value = contender[key];
    return typeof value === 'number'
      ? value.toLocaleString('en-US', { maximumFractionDigits: digits })
      : '–';
  };

const columnsByMetric: Record<Metric, Column[]> = {
  nsPerOp: [
    { title: 'ns/op (median)', cell: figure(medianKey('nsPerOp'), 1) },
    { title: 'ops/s', cell: figure('opsPerSec') },
  ],
  reqPerSec: [
    { title: 'req/s (median)', cell: figure(medianKey('reqPerSec')) },
    { title: 'p99 ms', cell: figure(medianKey('p99Ms'), 2) },
  ],
  bytesPerBreaker: [
    { title: 'bytes/breaker (median)', cell: figure(medianKey('bytesPerBreaker')) },
    { title: 'create all (ms)', cell: figure(medianKey('createMs'), 1) },
    { title: 'timers/breaker', cell: figure('timersPerBreaker', 2) },
  ],
  bytesPerKey: [
    { title: 'bytes/key', cell: figure(medianKey('bytesPerKey')) },
    { title: 'timers/key', cell: figure(medianKey('timersPerKey'), 2) },
    { title: 'fill (ms)', cell: figure(medianKey('fillMs')) },
  ],
};

const asRatio = (value: unknown, digits = 2): string =>
  typeof value === 'number' ? `${value.toFixed(digits)}×` : '–';

function ratioCell(contender: ContenderJson): string {
  return asRatio(contender.ratioToBaseline);
}

/** Shown only in groups where some contender has the figure. */
const optionalColumns: { key: string; column: Column }[] = [
  {
    key: medianKey(SAME_APP_RATIO),
    column: {
      title: 'ratio to same app’s undecorated route',
      cell: (contender) => asRatio(contender[medianKey(SAME_APP_RATIO)], 3),
    },
  },
  {
    key: medianKey(CPU_PER_REQUEST),
    column: { title: 'app CPU µs/request', cell: figure(medianKey(CPU_PER_REQUEST), 1) },
  },
  {
    key: medianKey(SAME_APP_CPU_RATIO),
    column: {
      title: 'same, by CPU per request',
      cell: (contender) => asRatio(contender[medianKey(SAME_APP_CPU_RATIO)], 3),
    },
  },
];

function presentOptionalColumns(group: GroupJson): Column[] {
  const contenders = Object.values(group.contenders);
  return optionalColumns
    .filter(({ key }) => contenders.some((contender) => typeof contender[key] === 'number'))
    .map(({ column }) => column);
}

function renderGroup(name: string, group: GroupJson): string {
  const columns: Column[] = [
    ...columnsByMetric[group.metric],
    { title: `ratio to ${group.baseline}`, cell: ratioCell },
    ...presentOptionalColumns(group),
    { title: 'rounds', cell: (contender) => String(contender.rounds.length) },
  ];
  const header = `| contender | ${columns.map((column) => column.title).join(' | ')} |`;
  const rule = `|---|${columns.map(() => '---:').join('|')}|`;
  const rows = Object.entries(group.contenders).map(
    ([contender, data]) =>
      `| ${contender} | ${columns.map((column) => column.cell(data)).join(' | ')} |`,
  );
  return [
    `### ${name}`,
    '',
    `${group.description} Ratio: ${group.ratioMeaning}.`,
    '',
    header,
    rule,
    ...rows,
    '',
  ].join('\n');
}

/** The results file as markdown, for the README. */
export function renderReport(results: ResultsJson): string {
  const packages = Object.entries(results.packages)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const lines = [
    'Measured on this project’s CI machine kind (2 cores, Node 20), all contenders in one run, ' +
      'alternating in rotated order; generated from `bench/results/latest.json` by ' +
      '`node dist-sample/bench/report.js --readme` after `npm run bench`.',
    '',
    `Measured ${results.date.slice(0, 10)}${results.quick ? ' (quick smoke run)' : ''} on ` +
      `Node ${results.node}, ${results.platform}, ${results.cpu.count} × ${results.cpu.model} ` +
      `(load average ${results.loadAverage.start.toFixed(1)} before, ` +
      `${results.loadAverage.end.toFixed(1)} after).`,
    '',
    `Packages: ${packages}.`,
    '',
    ...Object.entries(results.groups).map(([name, group]) => renderGroup(name, group)),
  ];
  if (results.errors.length > 0) {
    lines.push('Not measured:', '');
    for (const error of results.errors) {
      const who = error.contender ? `${error.group} / ${error.contender}` : error.group;
      lines.push(`- ${who}: ${error.message.replaceAll('\n', ' ')}`);
    }
    lines.push('');
  }
  lines.push(
    `Rerun with \`npm run bench\` (${BENCH_MINUTES} minutes; \`BENCH_QUICK=1 npm run bench\` for a smoke run). ` +
      'How the figures were reached: [docs/performance.md](docs/performance.md).',
    '',
  );
  return lines.join('\n');
}
