import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { METRIC_DEFINITIONS } from '../../../lib/metrics/metric-names.js';

interface Panel {
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(
  readFileSync(join(process.cwd(), 'docs/grafana/nestjs-bulwark.json'), 'utf8'),
) as { panels: Panel[]; templating: { list: { name: string }[] } };
const exprs = dashboard.panels.flatMap((panel) => panel.targets?.map((t) => t.expr) ?? []);
const ours: string[] = Object.values(METRIC_DEFINITIONS).map((d) => d.name);
const HISTOGRAM_PARTS = /_(bucket|sum|count)$/;

describe('the Grafana dashboard', () => {
  it('queries only the metrics this package defines, each behind the prefix variable', () => {
    for (const expr of exprs) {
      const names = [...expr.matchAll(/\$\{prefix\}([a-z_]+)/g)].map((m) => m[1]);
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) {
        expect(ours).toContain(ours.includes(name) ? name : name.replace(HISTOGRAM_PARTS, ''));
      }
      const bare = expr.replace(/\$\{prefix\}[a-z_]+/g, '');
      for (const name of ours) expect(bare).not.toContain(name);
    }
  });

  it('shows every metric of the package', () => {
    const used = new Set(
      exprs.flatMap((e) => [...e.matchAll(/\$\{prefix\}([a-z_]+)/g)].map((m) => m[1])),
    );
    const shown = ours.filter(
      (name) => used.has(name) || [...used].some((u) => u.replace(HISTOGRAM_PARTS, '') === name),
    );
    expect(shown).toEqual(ours);
  });

  it('has well-formed expressions filtered by job', () => {
    for (const expr of exprs) {
      for (const [open, close] of ['()', '{}', '[]']) {
        expect(expr.split(open).length).toBe(expr.split(close).length);
      }
      for (const selector of expr.match(/\{[^}]*\}/g)!.filter((s) => s !== '{prefix}')) {
        expect(selector).toContain('job=~"$job"');
      }
    }
    expect(dashboard.templating.list.map((v) => v.name)).toEqual([
      'datasource',
      'prefix',
      'job',
      'breaker',
    ]);
  });

  it('lays panels out without overlaps on the 24-column grid', () => {
    const cells = new Set<string>();
    for (const { gridPos, title } of dashboard.panels) {
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++) {
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
          expect(cells.has(`${x},${y}`) ? title : '').toBe('');
          cells.add(`${x},${y}`);
        }
      }
    }
  });
});
