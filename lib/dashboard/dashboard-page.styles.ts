/** The dashboard page's stylesheet: light and dark, from phone to wide screen. */
export const DASHBOARD_STYLES = `
:root {
  --bg: #f3f5fa; --card: #ffffff; --text: #0f172a; --muted: #64748b; --line: #e4e8f0;
  --track: #eef1f6; --accent: #4f46e5; --ok: #16a34a; --warn: #d97706; --bad: #dc2626;
  --ok-soft: #dcfce7; --warn-soft: #fef3c7; --bad-soft: #fee2e2; --accent-soft: #e0e7ff;
  --shadow: 0 1px 2px rgb(15 23 42 / 6%), 0 4px 16px rgb(15 23 42 / 5%);
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0a0f1c; --card: #111827; --text: #e5e9f2; --muted: #8b97ab; --line: #1f2a3d;
    --track: #1a2335; --accent: #818cf8; --ok: #34d399; --warn: #fbbf24; --bad: #f87171;
    --ok-soft: rgb(52 211 153 / 14%); --warn-soft: rgb(251 191 36 / 14%);
    --bad-soft: rgb(248 113 113 / 15%); --accent-soft: rgb(129 140 248 / 16%);
    --shadow: 0 1px 2px rgb(0 0 0 / 40%);
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif;
  font-variant-numeric: tabular-nums;
}
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted { color: var(--muted); }
.top {
  display: flex; align-items: center; justify-content: space-between; gap: 12px;
  max-width: 1280px; margin: 0 auto; padding: 20px 24px 4px;
}
.brand { display: flex; align-items: center; gap: 12px; }
.brand svg { width: 34px; height: 34px; color: var(--accent); flex: none; }
.brand h1 { margin: 0; font-size: 19px; letter-spacing: -0.01em; }
.brand p { margin: 0; font-size: 12px; color: var(--muted); }
.live {
  display: inline-flex; align-items: center; gap: 8px; padding: 6px 12px; border-radius: 999px;
  background: var(--card); box-shadow: var(--shadow); font-size: 12px; color: var(--muted);
  white-space: nowrap;
}
.live .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--muted); }
.live.on .dot { background: var(--ok); animation: pulse 2s infinite; }
.live.off .dot { background: var(--bad); }
@keyframes pulse { 0% { box-shadow: 0 0 0 0 rgb(22 163 74 / 45%); } 70% { box-shadow: 0 0 0 7px rgb(22 163 74 / 0%); } 100% { box-shadow: 0 0 0 0 rgb(22 163 74 / 0%); } }
main { max-width: 1280px; margin: 0 auto; padding: 12px 24px 24px; }
.card {
  background: var(--card); border: 1px solid var(--line); border-radius: 14px;
  box-shadow: var(--shadow); padding: 16px 18px; min-width: 0;
}
.card h2 {
  display: flex; align-items: center; gap: 8px; margin: 0 0 12px;
  font-size: 13px; font-weight: 600; letter-spacing: 0.02em; text-transform: uppercase; color: var(--muted);
}
.card h2 .count {
  padding: 1px 8px; border-radius: 999px; background: var(--track); color: var(--text);
  font-size: 12px; text-transform: none; letter-spacing: 0;
}
.overview { display: grid; grid-template-columns: 240px 1fr; gap: 16px; margin-bottom: 16px; }
.score-card { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 6px; }
.gauge { position: relative; width: 148px; height: 148px; }
.gauge svg { width: 100%; height: 100%; transform: rotate(-90deg); }
.gauge .track { stroke: var(--track); }
.gauge .value { stroke: var(--ok); stroke-linecap: round; transition: stroke-dashoffset 0.6s ease, stroke 0.3s; }
.gauge.warn .value { stroke: var(--warn); }
.gauge.bad .value { stroke: var(--bad); }
.gauge .label { position: absolute; inset: 0; display: grid; place-content: center; text-align: center; }
.gauge .label b { font-size: 38px; line-height: 1; letter-spacing: -0.03em; }
.gauge .label span { font-size: 12px; color: var(--muted); }
.score-note { margin: 0; font-size: 12px; color: var(--muted); text-align: center; }
.kpis { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; }
.kpi { display: flex; flex-direction: column; gap: 2px; padding: 14px 16px; }
.kpi .name { font-size: 12px; color: var(--muted); }
.kpi .figure { font-size: 24px; font-weight: 650; letter-spacing: -0.02em; }
.kpi .figure small { font-size: 13px; font-weight: 500; color: var(--muted); margin-left: 2px; }
.kpi .spark { margin-top: 6px; }
.kpi.bad .figure { color: var(--bad); }
.kpi.warn .figure { color: var(--warn); }
.spark { display: block; width: 100%; height: 30px; overflow: visible; }
.spark .line { fill: none; stroke: var(--accent); stroke-width: 1.6; vector-effect: non-scaling-stroke; }
.spark .area { fill: var(--accent-soft); stroke: none; }
.spark .none { stroke: var(--line); stroke-width: 1.5; stroke-dasharray: 3 4; vector-effect: non-scaling-stroke; }
.spark.bad .line { stroke: var(--bad); } .spark.bad .area { fill: var(--bad-soft); }
.spark.warn .line { stroke: var(--warn); } .spark.warn .area { fill: var(--warn-soft); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(330px, 1fr)); gap: 16px; }
.wide { grid-column: 1 / -1; }
.stack { display: flex; flex-direction: column; gap: 16px; min-width: 0; }
.stack .card { flex: 1; }
.rows { display: flex; flex-direction: column; }
.row {
  display: grid; grid-template-columns: minmax(160px, 1.6fr) minmax(120px, 1.2fr) 72px 72px minmax(90px, 1fr);
  align-items: center; gap: 14px; padding: 10px 0; border-top: 1px solid var(--line);
}
.row:first-child { border-top: 0; }
.row.head { padding-top: 0; font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.row .num { text-align: right; }
.who { display: flex; align-items: center; gap: 10px; min-width: 0; }
.who .mono { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.state {
  flex: none; padding: 2px 8px; border-radius: 6px; font-size: 11px; font-weight: 650; letter-spacing: 0.03em;
  background: var(--ok-soft); color: var(--ok);
}
.state.OPEN { background: var(--bad-soft); color: var(--bad); }
.state.HALF_OPEN { background: var(--warn-soft); color: var(--warn); }
.bar { display: flex; align-items: center; gap: 8px; }
.bar .track { flex: 1; height: 6px; border-radius: 3px; background: var(--track); overflow: hidden; }
.bar .fill { height: 100%; border-radius: 3px; background: var(--ok); }
.bar .fill.warn { background: var(--warn); } .bar .fill.bad { background: var(--bad); }
.bar .pct { width: 44px; text-align: right; font-size: 12px; }
.label-sm { display: none; font-size: 11px; color: var(--muted); }
.list { display: flex; flex-direction: column; gap: 2px; margin: 0; padding: 0; list-style: none; }
.item { display: flex; align-items: flex-start; gap: 10px; padding: 8px 0; border-top: 1px solid var(--line); }
.item:first-child { border-top: 0; }
.item .body { flex: 1; min-width: 0; }
.item .title { display: flex; justify-content: space-between; gap: 8px; }
.item .title .mono { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.item .meta { font-size: 12px; color: var(--muted); overflow-wrap: anywhere; }
.sev { flex: none; width: 9px; height: 9px; margin-top: 5px; border-radius: 50%; background: var(--warn); }
.sev.critical, .sev.unhealthy, .sev.down { background: var(--bad); }
.sev.healthy, .sev.ok { background: var(--ok); }
.sev.unknown, .sev.info { background: var(--muted); }
.empty { padding: 14px 0 6px; color: var(--muted); font-size: 13px; }
.empty.good::before { content: "✓ "; color: var(--ok); font-weight: 700; }
.off { display: inline-block; padding: 2px 8px; border-radius: 6px; background: var(--track); color: var(--muted); font-size: 12px; }
.levels { display: grid; grid-template-columns: repeat(5, 1fr); gap: 4px; margin: 4px 0 10px; }
.levels span { height: 8px; border-radius: 4px; background: var(--track); }
.levels span.on { background: var(--ok); }
.levels.l2 span.on, .levels.l1 span.on { background: var(--warn); }
.levels.l3 span.on, .levels.l4 span.on { background: var(--bad); }
.big { font-size: 22px; font-weight: 650; letter-spacing: -0.02em; }
.pill { font-size: 11px; padding: 1px 7px; border-radius: 999px; background: var(--track); color: var(--muted); white-space: nowrap; }
footer { max-width: 1280px; margin: 0 auto; padding: 0 24px 28px; font-size: 12px; color: var(--muted); }
footer a { color: inherit; }
@media (max-width: 1000px) and (min-width: 761px) {
  .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@media (max-width: 760px) {
  .top { padding: 14px 14px 2px; }
  main { padding: 10px 14px 18px; }
  footer { padding: 0 14px 20px; }
  .overview { grid-template-columns: 1fr; gap: 12px; }
  .score-card { flex-direction: row; justify-content: flex-start; gap: 16px; }
  .gauge { width: 96px; height: 96px; }
  .gauge .label b { font-size: 26px; }
  .score-note { text-align: left; }
  .kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px; }
  .kpi { padding: 12px; }
  .kpi .figure { font-size: 20px; }
  .grid { grid-template-columns: minmax(0, 1fr); gap: 12px; }
  .row { grid-template-columns: minmax(0, 1fr) auto; gap: 6px 12px; }
  .row.head { display: none; }
  .row.head + .row { border-top: 0; }
  .stack { gap: 12px; }
  .row .who, .row .bar { grid-column: 1 / -1; }
  .row .num { text-align: left; }
  .row .spark { grid-column: 1 / -1; }
  .label-sm { display: inline; }
}
`;
