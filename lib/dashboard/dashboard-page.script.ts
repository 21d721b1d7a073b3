/**
 * The dashboard page's script: fetches the dashboard JSON from its own URL every
 * `refreshMs` and renders it. Every value goes in through `textContent` or an SVG
 * attribute, never as HTML.
 */
export const DASHBOARD_SCRIPT = `
'use strict';
const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const STATE_ORDER = { OPEN: 0, HALF_OPEN: 1, CLOSED: 2 };
const LEVELS = ['NORMAL', 'MINOR', 'MODERATE', 'SEVERE', 'CRITICAL'];

function el(tag, className, ...children) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

function spark(values, tone) {
  const width = 120, height = 30;
  const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, preserveAspectRatio: 'none', class: 'spark ' + (tone || ''), 'aria-hidden': 'true' });
  const points = values.filter((v) => typeof v === 'number' && isFinite(v));
  if (points.length < 2) {
    chart.append(svg('path', { d: 'M0 ' + (height - 2) + ' L' + width + ' ' + (height - 2), class: 'none' }));
    return chart;
  }
  const series = points;
  const top = Math.max(...series) || 1;
  const step = width / (series.length - 1);
  const xy = series.map((v, i) => [i * step, height - 2 - (v / top) * (height - 4)]);
  const line = xy.map(([x, y], i) => (i ? 'L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1)).join(' ');
  chart.append(svg('path', { d: line + ' L' + width + ' ' + height + ' L0 ' + height + ' Z', class: 'area' }));
  chart.append(svg('path', { d: line, class: 'line' }));
  return chart;
}

const fmt = (value, digits) => value === null || value === undefined ? '–' : Number(value).toLocaleString(undefined, { maximumFractionDigits: digits ?? 1 });
const ms = (value) => value === null || value === undefined ? '–' : value >= 1000 ? fmt(value / 1000, 2) + ' s' : fmt(value, value < 10 ? 1 : 0) + ' ms';
function ago(at) {
  const seconds = Math.max(0, Math.round((Date.now() - at) / 1000));
  if (seconds < 60) return seconds + ' s ago';
  if (seconds < 3600) return Math.round(seconds / 60) + ' min ago';
  return Math.round(seconds / 3600) + ' h ago';
}
const p95 = (value) => value === null || value === undefined ? '–' : '≤ ' + ms(value);
const tone = (value, warn, bad) => value >= bad ? 'bad' : value >= warn ? 'warn' : '';

function kpi(name, figure, unit, extra, className) {
  return el('div', 'card kpi ' + (className || ''), el('span', 'name', name), el('span', 'figure', figure, unit ? el('small', '', unit) : null), extra);
}

function renderScore(data) {
  const score = Math.round(data.healthScore);
  const circle = $('gauge-value');
  const length = 2 * Math.PI * 52;
  circle.style.strokeDasharray = String(length);
  circle.style.strokeDashoffset = String(length * (1 - score / 100));
  $('gauge').className = 'gauge ' + (score < 50 ? 'bad' : score < 80 ? 'warn' : '');
  $('score').textContent = String(score);
  const open = data.breakers.filter((b) => b.state === 'OPEN').length;
  $('score-note').textContent = open ? open + ' breaker' + (open > 1 ? 's' : '') + ' open' : data.alerts.active.length ? data.alerts.active.length + ' active alert(s)' : 'All systems normal';
}

function renderKpis(data) {
  const t = data.totals, h = data.history;
  const level = data.degradation.enabled && data.degradation.data ? data.degradation.data.level : null;
  const open = data.breakers.filter((b) => b.state !== 'CLOSED').length;
  $('kpis').replaceChildren(
    kpi('Requests / s', fmt(t.requestsPerSecond), '', spark(h.map((p) => p.requestsPerSecond))),
    kpi('Error rate', fmt(t.errorRate), '%', spark(h.map((p) => p.errorRate), 'bad'), tone(t.errorRate, 5, 20)),
    kpi('p95 latency', p95(t.p95LatencyMs), '', spark(h.map((p) => p.p95LatencyMs), 'warn')),
    kpi('Breakers not closed', String(open), '/ ' + data.breakers.length, spark(h.map((p) => p.openBreakers), 'bad'), open ? 'bad' : ''),
    kpi('Active alerts', String(data.alerts.active.length), '', null, data.alerts.active.some((a) => a.severity === 'critical') ? 'bad' : data.alerts.active.length ? 'warn' : ''),
    kpi('Degradation', level || 'n/a', '', null, level && level !== 'NORMAL' ? (LEVELS.indexOf(level) >= 3 ? 'bad' : 'warn') : ''),
  );
}

function empty(text, good) {
  return el('div', 'empty' + (good ? ' good' : ''), text);
}

function notEnabled(section, what) {
  if (!section.enabled) return el('div', 'empty', el('span', 'off', 'not enabled'), ' ', what);
  if (section.error) return el('div', 'empty', 'Could not read: ' + section.error);
  return null;
}

function renderBreakers(data) {
  $('breakers-count').textContent = String(data.breakers.length);
  if (data.breakers.length === 0) return $('breakers').replaceChildren(empty('No circuit breakers yet: they appear with the first decorated call.'));
  const head = el('div', 'row head', el('span', '', 'Breaker'), el('span', '', 'Failure rate'), el('span', 'num', 'Req / s'), el('span', 'num', 'p95'), el('span', '', 'Traffic'));
  const rows = [...data.breakers]
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.name.localeCompare(b.name))
    .map((b) => {
      const fill = el('div', 'fill ' + (b.state === 'OPEN' ? 'bad' : b.state === 'HALF_OPEN' ? 'warn' : tone(b.failureRate, 20, 50)));
      fill.style.width = Math.min(100, b.failureRate) + '%';
      const row = el('div', 'row',
        el('div', 'who', el('span', 'state ' + b.state, b.state.replace('_', ' ')), el('span', 'mono', b.name)),
        el('div', 'bar', el('div', 'track', fill), el('span', 'pct', fmt(b.failureRate) + '%')),
        el('span', 'num', el('span', 'label-sm', 'req/s '), fmt(b.requestsPerSecond)),
        el('span', 'num', el('span', 'label-sm', 'p95 '), p95(b.p95LatencyMs)),
        spark(b.history.requestsPerSecond, b.state === 'OPEN' ? 'bad' : b.state === 'HALF_OPEN' ? 'warn' : ''));
      row.dataset.breaker = b.name;
      row.dataset.state = b.state;
      return row;
    });
  $('breakers').replaceChildren(el('div', 'rows', head, ...rows));
}

function item(severity, title, right, meta) {
  return el('li', 'item', el('span', 'sev ' + severity), el('div', 'body', el('div', 'title', el('span', 'mono', title), right ? el('span', 'pill', right) : null), meta ? el('div', 'meta', meta) : null));
}

function renderAlerts(data) {
  const active = data.alerts.active;
  const resolved = data.alerts.recent.filter((a) => a.status === 'resolved').slice(0, Math.max(0, 5 - active.length));
  if (active.length === 0 && resolved.length === 0) return $('alerts').replaceChildren(empty('No alerts in the last hour.', true));
  const more = active.length - 6;
  $('alerts').replaceChildren(el('ul', 'list',
    ...active.slice(0, 6).map((a) => item(a.severity, a.subject, a.severity + ' · ' + ago(a.raisedAt), a.message)),
    ...resolved.map((a) => item('ok', a.subject, 'resolved ' + ago(a.resolvedAt), a.message))),
    ...(more > 0 ? [el('div', 'meta muted', '+ ' + more + ' more active')] : []));
}

function renderDependencies(data) {
  const section = data.dependencies;
  const off = notEnabled(section, 'Register dependencies to see their health here.');
  if (off) return $('dependencies').replaceChildren(off);
  const items = section.data.items;
  if (items.length === 0) return $('dependencies').replaceChildren(empty('No dependencies registered.'));
  $('dependencies').replaceChildren(el('div', 'muted', 'Score ', el('b', '', String(section.data.score)), ' / 100'),
    el('ul', 'list', ...items.map((d) => item(d.status, d.name, d.criticality + (d.responseTimeMs !== undefined ? ' · ' + ms(d.responseTimeMs) : ''),
      d.lastError || (d.impacted ? 'impacted by a dependency it needs' : d.status)))));
}

function renderDegradation(data) {
  const section = data.degradation;
  const off = notEnabled(section, 'Degradation levels are not tracked.');
  if (off) return $('degradation').replaceChildren(off);
  const d = section.data, rank = Math.max(0, LEVELS.indexOf(d.level));
  const bar = el('div', 'levels l' + rank, ...LEVELS.map((_, i) => el('span', i <= rank ? 'on' : '')));
  $('degradation').replaceChildren(el('div', 'big', d.level), bar,
    el('div', 'meta muted', d.override ? 'Set by hand: ' + d.override.reason : d.reasons.length ? d.reasons.join('; ') : 'Every dependency and breaker is fine.'));
}

function renderLimiters(data) {
  if (data.limiters.length === 0) return $('limiters').replaceChildren(empty('No rate limiters.'));
  $('limiters').replaceChildren(el('ul', 'list', ...data.limiters.map((l) =>
    item(l.limitedPerSecond > 0 ? 'warn' : 'ok', l.name, l.algorithm, fmt(l.allowedPerSecond) + ' allowed/s · ' + fmt(l.limitedPerSecond) + ' limited/s · limit ' + fmt(l.effectiveLimit, 0)))));
}

function renderBulkheads(data) {
  if (data.bulkheads.length === 0) return $('bulkheads').replaceChildren(empty('No bulkheads.'));
  $('bulkheads').replaceChildren(el('ul', 'list', ...data.bulkheads.map((b) => {
    const full = b.running >= b.maxConcurrent;
    return item(b.rejectedPerSecond > 0 ? 'critical' : full ? 'warn' : 'ok', b.name, b.running + ' / ' + b.maxConcurrent + ' running',
      b.queued + ' / ' + b.maxQueue + ' queued · ' + fmt(b.rejectedPerSecond) + ' rejected/s');
  })));
}

function renderPredictions(data) {
  const section = data.predictions;
  const off = notEnabled(section, 'Failure prediction is not running.');
  if (off) return $('predictions').replaceChildren(off);
  const items = section.data.items;
  if (items.length === 0) return $('predictions').replaceChildren(empty('Nothing predicted.', true));
  $('predictions').replaceChildren(el('ul', 'list', ...items.slice(0, 8).map((p) =>
    item(p.confidence >= (section.data.alertConfidence ?? 0.7) ? 'critical' : 'info', p.target, p.kind + ' · ' + Math.round(p.confidence * 100) + '%', p.recommendation))));
}

function renderDlq(data) {
  const section = data.dlq;
  const off = notEnabled(section, 'No dead-letter queue.');
  if (off) return $('dlq').replaceChildren(off);
  const q = section.data;
  $('dlq').replaceChildren(el('div', 'big', fmt(q.pending, 0), el('small', 'muted', ' waiting')),
    el('div', 'meta muted', (q.exhausted ? q.exhausted + ' exhausted · ' : '') + (q.healthy ? 'store reachable' : 'store unreachable')));
}

function render(data) {
  renderScore(data); renderKpis(data); renderBreakers(data); renderAlerts(data);
  renderDependencies(data); renderDegradation(data); renderLimiters(data); renderBulkheads(data);
  renderPredictions(data); renderDlq(data);
  $('window').textContent = 'Rates over the last ' + fmt(data.windowMs / 1000, 0) + ' s';
  $('real-time').href = data.links.realTime;
  $('prometheus').textContent = data.links.prometheus ? 'Prometheus: GET ' + data.links.prometheus : 'Prometheus endpoint off';
}

let refreshMs = 2000;
async function refresh() {
  const live = $('live');
  try {
    const response = await fetch(location.pathname + location.search, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const data = await response.json();
    refreshMs = data.refreshMs || refreshMs;
    render(data);
    live.className = 'live on';
    $('live-text').textContent = 'Live · ' + new Date(data.generatedAt).toLocaleTimeString();
  } catch (error) {
    live.className = 'live off';
    $('live-text').textContent = 'Offline · retrying';
  } finally {
    setTimeout(refresh, refreshMs);
  }
}
refresh();
`;
