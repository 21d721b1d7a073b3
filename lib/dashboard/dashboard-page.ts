import { createHash } from 'node:crypto';
import { DASHBOARD_SCRIPT } from './dashboard-page.script.js';
import { DASHBOARD_STYLES } from './dashboard-page.styles.js';

const LOGO = `<svg viewBox="0 0 32 32" fill="none" aria-hidden="true"><path d="M16 3 5 7.5v7.7c0 6.6 4.6 11.9 11 13.8 6.4-1.9 11-7.2 11-13.8V7.5L16 3Z" fill="currentColor" opacity=".16"/><path d="M16 3 5 7.5v7.7c0 6.6 4.6 11.9 11 13.8 6.4-1.9 11-7.2 11-13.8V7.5L16 3Z" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/><path d="m11 16.5 3.4 3.4L21.5 12" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

const card = (id: string, title: string, extra = ''): string =>
  `<section class="card${extra}"><h2>${title}</h2><div id="${id}"><div class="empty">Loading…</div></div></section>`;

/**
 * The dashboard page: one self-contained document (inline CSS and script, no external
 * request but its own JSON), served for `Accept: text/html` on the dashboard route.
 */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Resilience dashboard</title>
<link rel="icon" href="data:,">
<style>${DASHBOARD_STYLES}</style>
</head>
<body>
<header class="top">
  <div class="brand">${LOGO}<div><h1>Resilience</h1><p id="window">nestjs-bulwark</p></div></div>
  <div id="live" class="live" role="status" aria-live="polite"><span class="dot"></span><span id="live-text">Connecting…</span></div>
</header>
<main>
  <div class="overview">
    <section class="card score-card">
      <div id="gauge" class="gauge">
        <svg viewBox="0 0 120 120" aria-hidden="true"><circle class="track" cx="60" cy="60" r="52" fill="none" stroke-width="11"/><circle id="gauge-value" class="value" cx="60" cy="60" r="52" fill="none" stroke-width="11"/></svg>
        <div class="label"><b id="score">–</b><span>health</span></div>
      </div>
      <p id="score-note" class="score-note"></p>
    </section>
    <div id="kpis" class="kpis"></div>
  </div>
  <div class="grid">
    <section class="card wide"><h2>Circuit breakers <span id="breakers-count" class="count">0</span></h2><div id="breakers"><div class="empty">Loading…</div></div></section>
    ${card('alerts', 'Alerts')}
    ${card('dependencies', 'Dependencies')}
    ${card('degradation', 'Degradation')}
    ${card('limiters', 'Rate limiters')}
    ${card('bulkheads', 'Bulkheads')}
    <div class="stack">${card('predictions', 'Predictions')}${card('dlq', 'Dead-letter queue')}</div>
  </div>
</main>
<footer><a id="real-time" href="metrics/real-time">Real-time JSON</a> · <span id="prometheus"></span> · refreshes by itself</footer>
<script>${DASHBOARD_SCRIPT}</script>
</body>
</html>
`;

const sha256 = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The page's Content-Security-Policy: only its own inline style and script (by hash) and
 * requests to its own origin, so it works under an app-wide strict policy too.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  `script-src ${sha256(DASHBOARD_SCRIPT)}`,
  `style-src ${sha256(DASHBOARD_STYLES)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');
