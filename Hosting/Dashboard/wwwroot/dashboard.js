'use strict';

// The dashboard's pages: resources and console logs are pushed (server-sent events), telemetry is polled.
const page = document.getElementById('page');
const REFRESH_MS = 2000;
const CONSOLE_LINES_KEPT = 2000;
let leave = () => {};

const h = value => String(value ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const time = iso => iso ? new Date(iso).toLocaleTimeString([], { hour12: false }) + '.' + String(new Date(iso).getMilliseconds()).padStart(3, '0') : '';
const ms = value => value >= 1000 ? (value / 1000).toFixed(2) + ' s' : value >= 10 ? value.toFixed(0) + ' ms' : value.toFixed(2) + ' ms';
// Each service keeps the colour it was first shown with, so services side by side never share one.
const PALETTE = ['#3b5bdb', '#2b8a3e', '#c2255c', '#e8590c', '#6741d9', '#0c8599', '#5c940d', '#862e9c', '#d9480f', '#1864ab'];
const colours = new Map();
const colour = service => colours.get(service) ?? colours.set(service, PALETTE[colours.size % PALETTE.length]).get(service);
const chip = service => `<span class="chip" style="background:${colour(service)}">${h(service)}</span>`;
const stripAnsi = text => text.replace(/\u001b\[[0-9;]*m/g, '');

async function api(path, options) {
  const response = await fetch(path, { credentials: 'same-origin', ...options });
  if (response.status === 401) { location.href = '/login'; throw new Error('not logged in'); }
  const body = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error(body?.detail ?? body?.title ?? response.statusText);
  return body;
}

function toast(message) {
  const element = document.getElementById('toast');
  element.textContent = message;
  element.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => element.hidden = true, 6000);
}

// A stream that fails (the AppHost stopped, or a new run made the cookie stale) is retried by the browser;
// a stale cookie answers 401 instead, which takes the page to the login form.
function watch(url, type, onMessage) {
  const events = new EventSource(url);
  events.addEventListener(type, message => onMessage(JSON.parse(message.data)));
  events.onerror = () => { if (events.readyState === EventSource.CLOSED) api('/api/resources').catch(() => {}); };
  return () => events.close();
}

function every(milliseconds, work) {
  let stopped = false;
  const tick = async () => { if (stopped) return; try { await work(); } catch (e) { console.warn(e); } if (!stopped) timer = setTimeout(tick, milliseconds); };
  let timer = setTimeout(tick, 0);
  return () => { stopped = true; clearTimeout(timer); };
}

// ---------- Resources ----------
const STOPPABLE = ['Running'];
const STARTABLE = ['Exited', 'Finished', 'FailedToStart'];

function resourcesPage() {
  const resources = new Map();
  const order = [];
  const open = new Set();
  page.innerHTML = `<h1>Resources</h1><table id="resources"><thead><tr>
      <th>Name</th><th>Kind</th><th>State</th><th>Health</th><th>Started</th><th>Endpoints</th><th>Restarts</th><th>Exit code</th><th>Actions</th>
    </tr></thead><tbody></tbody></table>`;
  const body = page.querySelector('tbody');

  const render = () => {
    const position = name => order.includes(name) ? order.indexOf(name) : order.length;
    body.innerHTML = [...resources.values()].sort((a, b) => position(a.name) - position(b.name)).map(r => resourceRows(r, open.has(r.name))).join('');
  };

  body.addEventListener('click', async event => {
    const button = event.target.closest('button[data-command]');
    if (button) {
      event.stopPropagation();
      button.disabled = true;
      try { await api(`/api/resources/${encodeURIComponent(button.dataset.resource)}/commands/${button.dataset.command}`, { method: 'POST' }); }
      catch (e) { toast(e.message); }
      return;
    }
    const row = event.target.closest('tr[data-resource].clickable');
    if (row && !event.target.closest('a')) {
      const name = row.dataset.resource;
      open.has(name) ? open.delete(name) : open.add(name);
      render();
    }
  });

  // The list gives the app model's order; the stream may have delivered newer snapshots already.
  api('/api/resources').then(list => { list.forEach(r => { order.push(r.name); if (!resources.has(r.name)) resources.set(r.name, r); }); render(); });
  return watch('/api/resources/stream', 'resource', resource => {
    resources.set(resource.name, resource);
    render();
  });
}

function resourceRows(r, isOpen) {
  const health = r.state !== 'Running' ? '<span class="muted">—</span>' : r.healthy ? '<span class="health Healthy">Healthy</span>' : '<span class="health Unhealthy">Unhealthy</span>';
  const endpoints = r.endpoints.map(url => `<a href="${h(url)}" target="_blank" rel="noopener">${h(url)}</a>`).join('<br>');
  const command = (name, enabled) => `<button data-command="${name.toLowerCase()}" data-resource="${h(r.name)}" ${enabled ? '' : 'disabled'}>${name}</button>`;
  const actions = r.acceptsCommands
    ? command('Stop', STOPPABLE.includes(r.state)) + ' ' + command('Start', STARTABLE.includes(r.state)) + ' ' +
      command('Restart', STOPPABLE.includes(r.state) || STARTABLE.includes(r.state))
    : '';
  const rows = [`<tr class="clickable" data-resource="${h(r.name)}">
      <td><b>${isOpen ? '▾' : '▸'} ${h(r.name)}</b>${r.parent ? ` <span class="muted">in ${h(r.parent)}</span>` : ''}</td>
      <td>${h(r.kind)}</td>
      <td><span class="badge state ${h(r.state)}">${h(r.state)}</span></td>
      <td>${health}</td>
      <td>${r.startedAt ? time(r.startedAt) : ''}</td>
      <td>${endpoints}</td>
      <td>${r.restarts}</td>
      <td>${r.exitCode ?? ''}</td>
      <td class="actions">${actions} <a href="#/console/${encodeURIComponent(r.parent ?? r.name)}">Console</a></td>
    </tr>`];
  if (r.replicas.length > 1) {
    rows.push(...r.replicas.map(replica => `<tr class="replica" data-replica="${h(r.name)}-${replica.index}">
        <td>&nbsp;&nbsp;&nbsp;replica ${replica.index}</td><td>pid ${replica.processId ?? ''}</td>
        <td>${replica.running ? 'Running' : 'Exited'}</td>
        <td>${replica.running ? (replica.healthy ? '<span class="health Healthy">Healthy</span>' : '<span class="health Unhealthy">Unhealthy</span>') : ''}</td>
        <td></td><td><a href="${h(replica.url)}" target="_blank" rel="noopener">${h(replica.url)}</a></td><td></td><td>${replica.exitCode ?? ''}</td><td></td>
      </tr>`));
  }
  if (isOpen) rows.push(`<tr class="details"><td colspan="9">${resourceDetails(r)}</td></tr>`);
  return rows.join('');
}

function resourceDetails(r) {
  const parts = [];
  if (r.error) parts.push(`<h2>Error</h2><pre class="error-text">${h(r.error)}</pre>`);
  if (r.restartPolicy) parts.push(`<h2>Restart policy</h2>${h(r.restartPolicy)}${r.processId ? ` <span class="muted">· pid ${r.processId}</span>` : ''}`);
  if (r.connectionString) parts.push(`<h2>Connection string</h2><code>${h(r.connectionString)}</code>`);
  parts.push(`<h2>References</h2>${r.references.length ? r.references.map(h).join(', ') : '<span class="muted">none</span>'}`);
  parts.push(`<h2>Waits for</h2>${r.waitsFor.length ? r.waitsFor.map(h).join(', ') : '<span class="muted">nothing</span>'}`);
  if (r.environment.length) {
    parts.push(`<h2>Environment${r.replicas.length > 1 ? ' (replica 0)' : ''}</h2><div class="kv mono">` +
      r.environment.map(e => `<div>${h(e.name)}</div><div>${h(e.value)}</div>`).join('') + '</div>');
  }
  return parts.join('');
}

// ---------- Console logs ----------
function consolePage(name) {
  page.innerHTML = `<h1>Console logs</h1>
    <div class="toolbar"><select id="resource"></select><input id="filter" class="grow" placeholder="Filter lines">
      <label><input type="checkbox" id="follow" checked> Follow</label></div>
    <div class="console" id="lines"></div>`;
  const select = page.querySelector('#resource');
  const filter = page.querySelector('#filter');
  const lines = page.querySelector('#lines');
  const follow = page.querySelector('#follow');

  api('/api/resources').then(list => {
    const names = list.filter(r => !r.parent).map(r => r.name);
    select.innerHTML = '<option value="">Choose a resource</option>' + names.map(n => `<option ${n === name ? 'selected' : ''}>${h(n)}</option>`).join('');
  });
  select.addEventListener('change', () => location.hash = `#/console/${encodeURIComponent(select.value)}`);

  const matches = element => !filter.value || element.textContent.toLowerCase().includes(filter.value.toLowerCase());
  filter.addEventListener('input', () => lines.querySelectorAll('.line').forEach(line => line.hidden = !matches(line)));

  if (!name) { lines.innerHTML = '<span class="muted">Choose a resource to see what it writes.</span>'; return () => {}; }
  return watch(`/api/console/${encodeURIComponent(name)}/stream`, 'line', line => {
    const element = document.createElement('div');
    element.className = line.isError ? 'line stderr' : 'line';
    element.innerHTML = `<span class="time">${time(line.timestamp)}</span><span class="source">${h(line.source)}</span>${h(stripAnsi(line.text))}`;
    element.hidden = !matches(element);
    lines.append(element);
    while (lines.childElementCount > CONSOLE_LINES_KEPT) lines.firstElementChild.remove();
    if (follow.checked) lines.scrollTop = lines.scrollHeight;
  });
}

// ---------- Structured logs ----------
const LEVELS = ['Trace', 'Debug', 'Information', 'Warning', 'Error', 'Critical'];

async function serviceOptions(select, selected) {
  const services = await api('/api/services');
  select.innerHTML = '<option value="">All services</option>' + services.map(s => `<option ${s === selected ? 'selected' : ''}>${h(s)}</option>`).join('');
}

function logsPage(query) {
  page.innerHTML = `<h1>Structured logs</h1>
    <div class="toolbar"><select id="service"></select>
      <select id="level"><option value="">Any level</option>${LEVELS.map(l => `<option value="${l}">${l} and above</option>`).join('')}</select>
      <input id="text" class="grow" placeholder="Search messages and attributes">
      ${query.get('traceId') ? `<span>trace <a href="#/traces/${h(query.get('traceId'))}">${h(query.get('traceId').slice(0, 12))}…</a> <a href="#/logs">clear</a></span>` : ''}</div>
    <table><thead><tr><th>Time</th><th>Level</th><th>Service</th><th>Message</th><th>Trace</th></tr></thead><tbody id="logs"></tbody></table>`;
  const service = page.querySelector('#service');
  const level = page.querySelector('#level');
  const text = page.querySelector('#text');
  const body = page.querySelector('#logs');
  const open = new Set();
  let entries = [];
  serviceOptions(service, query.get('service'));

  const render = () => {
    body.innerHTML = entries.length ? entries.map(e => `<tr class="clickable" data-sequence="${e.sequence}">
        <td class="mono">${time(e.time)}</td><td class="level ${h(e.severity)}">${h(e.severity)}</td>
        <td>${chip(e.service)}<span class="muted">${e.instance !== e.service ? h(e.instance) : ''}</span></td>
        <td>${h(e.message)}<div class="muted">${h(e.category)}</div></td>
        <td>${e.traceId ? `<a href="#/traces/${h(e.traceId)}">${h(e.traceId.slice(0, 8))}</a>` : ''}</td></tr>` +
      (open.has(e.sequence) ? `<tr class="details"><td colspan="5"><div class="kv mono">${Object.entries(e.attributes).map(([k, v]) => `<div>${h(k)}</div><div>${h(v)}</div>`).join('')}
        ${e.spanId ? `<div>span</div><div>${h(e.spanId)}</div>` : ''}</div></td></tr>` : '')).join('')
      : '<tr><td colspan="5" class="empty">No log records match.</td></tr>';
  };
  body.addEventListener('click', event => {
    const row = event.target.closest('tr[data-sequence]');
    if (!row || event.target.closest('a')) return;
    const sequence = Number(row.dataset.sequence);
    open.has(sequence) ? open.delete(sequence) : open.add(sequence);
    render();
  });

  const refresh = async () => {
    const parameters = new URLSearchParams({ limit: '300' });
    if (service.value || query.get('service')) parameters.set('service', service.value || query.get('service'));
    if (level.value) parameters.set('level', level.value);
    if (text.value) parameters.set('text', text.value);
    if (query.get('traceId')) parameters.set('traceId', query.get('traceId'));
    entries = await api('/api/logs?' + parameters);
    render();
  };
  [service, level].forEach(control => control.addEventListener('change', () => { query.delete('service'); refresh(); }));
  text.addEventListener('input', refresh);
  return every(REFRESH_MS, refresh);
}

// ---------- Traces ----------
function tracesPage(query) {
  page.innerHTML = `<h1>Traces</h1>
    <div class="toolbar"><select id="service"></select>
      <label><input type="checkbox" id="hide-probes" checked> Hide health probes</label>
      <label><input type="checkbox" id="errors-only"> Errors only</label>
      <label>At least <input type="number" id="min-duration" min="0" step="10" placeholder="0" class="narrow"> ms</label>
      <span class="grow"></span><span class="muted" id="count"></span></div>
    <table><thead><tr><th>Time</th><th>Name</th><th>Services</th><th>Spans</th><th>Duration</th><th>Errors</th></tr></thead><tbody id="traces"></tbody></table>`;
  const service = page.querySelector('#service');
  const hideProbes = page.querySelector('#hide-probes');
  const errorsOnly = page.querySelector('#errors-only');
  const minDuration = page.querySelector('#min-duration');
  const body = page.querySelector('#traces');
  serviceOptions(service, query.get('service'));
  service.addEventListener('change', () => location.hash = '#/traces' + (service.value ? '?service=' + encodeURIComponent(service.value) : ''));
  body.addEventListener('click', event => {
    const row = event.target.closest('tr[data-trace]');
    if (row) location.hash = '#/traces/' + row.dataset.trace;
  });
  const refresh = async () => {
    const parameters = new URLSearchParams({ limit: '200', hideProbes: hideProbes.checked, errorsOnly: errorsOnly.checked });
    if (query.get('service')) parameters.set('service', query.get('service'));
    if (Number(minDuration.value) > 0) parameters.set('minDurationMs', minDuration.value);
    const traces = await api('/api/traces?' + parameters);
    page.querySelector('#count').textContent = `${traces.length} traces`;
    body.innerHTML = traces.length ? traces.map(t => `<tr class="clickable" data-trace="${h(t.traceId)}">
        <td class="mono">${time(t.start)}</td><td><b>${h(t.rootService)}</b>: ${h(t.name)}</td><td>${t.services.map(chip).join('')}</td>
        <td>${t.spanCount}</td><td>${ms(t.durationMs)}</td><td class="${t.errorCount ? 'error-text' : 'muted'}">${t.errorCount}</td></tr>`).join('')
      : '<tr><td colspan="6" class="empty">No traces match: send a request through the gateway, or loosen the filters.</td></tr>';
  };
  [hideProbes, errorsOnly].forEach(control => control.addEventListener('change', refresh));
  minDuration.addEventListener('input', refresh);
  return every(REFRESH_MS, refresh);
}

function tracePage(traceId) {
  page.innerHTML = '<p class="muted">Loading trace…</p>';
  const open = new Set();
  let trace;
  const render = () => {
    const total = Math.max(trace.summary.durationMs, 0.001);
    page.innerHTML = `<h1>${h(trace.summary.rootService)}: ${h(trace.summary.name)}</h1>
      <div class="toolbar"><span class="mono">${h(trace.summary.traceId)}</span><span>${ms(trace.summary.durationMs)}</span>
        <span>${trace.summary.spanCount} spans</span><span>${trace.summary.services.map(chip).join('')}</span><span class="grow"></span>
        <a href="#/logs?traceId=${h(trace.summary.traceId)}">Structured logs of this trace</a> <a href="#/traces">All traces</a></div>
      <div class="waterfall">${trace.spans.map(({ span, depth, offsetMs }) => `
        <div class="row" data-span="${h(span.spanId)}">
          <div class="name" style="padding-left:${8 + depth * 16}px">${chip(span.service)}${h(span.name)} <span class="muted">${h(span.kind)}</span></div>
          <div class="track"><div class="bar ${span.isError ? 'error' : ''}" style="left:${offsetMs / total * 100}%;width:${span.durationMs / total * 100}%;background:${colour(span.service)}"></div></div>
          <div class="duration">${ms(span.durationMs)}</div>
        </div>${open.has(span.spanId) ? `<div class="span-details"><div class="kv mono">
          <div>service</div><div>${h(span.instance)}</div><div>span</div><div>${h(span.spanId)}</div><div>scope</div><div>${h(span.scope)}</div>
          ${span.statusMessage ? `<div>status</div><div>${h(span.statusMessage)}</div>` : ''}
          ${Object.entries(span.attributes).map(([k, v]) => `<div>${h(k)}</div><div>${h(v)}</div>`).join('')}
          ${span.events.map(e => `<div>event ${time(e.time)}</div><div>${h(e.name)} ${h(Object.entries(e.attributes).map(([k, v]) => `${k}=${v}`).join(' '))}</div>`).join('')}
        </div></div>` : ''}`).join('')}</div>`;
  };
  const toggle = event => {
    const row = event.target.closest('.waterfall .row');
    if (!row) return;
    open.has(row.dataset.span) ? open.delete(row.dataset.span) : open.add(row.dataset.span);
    render();
  };
  page.addEventListener('click', toggle);
  // Spans of other services arrive a moment later: refresh until the trace stops growing.
  const stop = every(REFRESH_MS, async () => {
    const next = await api('/api/traces/' + encodeURIComponent(traceId)).catch(e => { page.innerHTML = `<p class="empty">${h(e.message)}</p>`; return null; });
    if (next && (!trace || next.spans.length !== trace.spans.length)) { trace = next; render(); }
  });
  return () => { stop(); page.removeEventListener('click', toggle); };
}

// ---------- Metrics ----------
function formatValue(value, unit) {
  if (value == null) return '';
  if (unit === 's') return ms(value * 1000);
  if (unit === 'ms') return ms(value);
  if (unit === 'By') return value >= 1 << 20 ? (value / (1 << 20)).toFixed(1) + ' MiB' : value >= 1024 ? (value / 1024).toFixed(1) + ' KiB' : Math.round(value) + ' B';
  const text = Math.abs(value) >= 100 || Number.isInteger(value) ? Math.round(value).toLocaleString() : value.toFixed(3);
  return text + (unit && !unit.startsWith('{') ? ' ' + unit : '');
}

function sparkline(points) {
  if (!points || points.length < 2) return '<svg viewBox="0 0 300 60"><text x="4" y="34" font-size="12" fill="#98a2b3">waiting for more points…</text></svg>';
  const values = points.map(p => p.value);
  const low = Math.min(0, ...values), high = Math.max(...values, low + 1e-9);
  const path = points.map((p, i) => `${(i / (points.length - 1) * 300).toFixed(1)},${(56 - (p.value - low) / (high - low) * 52).toFixed(1)}`).join(' ');
  return `<svg viewBox="0 0 300 60" preserveAspectRatio="none"><polyline points="${path}" fill="none" stroke="#3b5bdb" stroke-width="1.5" vector-effect="non-scaling-stroke"/></svg>`;
}

function instrumentCard(m) {
  let headline, chart, label;
  if (m.kind === 'Histogram') {
    const rate = m.rates?.at(-1)?.value;
    headline = `${formatValue(m.latest, '')} <span class="muted">recorded · mean ${formatValue(m.latestMean, m.unit)}${rate != null ? ` · ${rate.toFixed(2)}/s now` : ''}</span>`;
    chart = sparkline(m.rates) + sparkline(m.means);
    label = 'rate per second, then mean of each interval';
  } else if (m.kind === 'Counter') {
    const rate = m.rates?.at(-1)?.value;
    headline = `${formatValue(m.latest, m.unit)} <span class="muted">${rate != null ? formatValue(rate, m.unit) + '/s now' : ''}</span>`;
    chart = sparkline(m.rates);
    label = 'rate per second';
  } else {
    headline = formatValue(m.latest, m.unit);
    chart = sparkline(m.values);
    label = 'value';
  }
  return `<div class="card" data-instrument="${h(m.name)}"><div class="title">${h(m.name)}</div>
    <div class="muted">${h(m.description)} ${m.unit ? `(${h(m.unit)})` : ''}</div>
    <div class="value">${headline}</div>${chart}<div class="chart-label">${label}, last ${m.values.length} exports</div></div>`;
}

function metricsPage(instance) {
  page.innerHTML = `<h1>Metrics</h1><div class="split"><div class="list" id="sources"></div>
    <div><div class="toolbar"><input id="filter" class="grow" placeholder="Filter instruments"></div><div class="cards" id="instruments"></div></div></div>`;
  const sources = page.querySelector('#sources');
  const instruments = page.querySelector('#instruments');
  const filter = page.querySelector('#filter');
  let views = [];
  const render = () => {
    // HTTP first: request rates and durations are what one looks for; runtime and pool gauges follow.
    const shown = views.filter(m => !filter.value || m.name.toLowerCase().includes(filter.value.toLowerCase()))
      .sort((a, b) => (b.name.startsWith('http.') - a.name.startsWith('http.')) || a.name.localeCompare(b.name));
    instruments.innerHTML = !instance ? '<div class="empty">Choose a service.</div>'
      : shown.length ? shown.map(instrumentCard).join('') : '<div class="empty">No instruments yet.</div>';
  };
  filter.addEventListener('input', render);
  return every(REFRESH_MS, async () => {
    const list = await api('/api/metrics/sources');
    if (!instance && list.length) { location.hash = '#/metrics/' + encodeURIComponent(list[0].instance); return; }
    sources.innerHTML = list.length ? list.map(s => `<a href="#/metrics/${encodeURIComponent(s.instance)}" class="${s.instance === instance ? 'active' : ''}">
      ${chip(s.service)} ${s.instance !== s.service ? h(s.instance) : ''}</a>`).join('') : '<div class="muted">No metrics received yet.</div>';
    if (instance) views = await api('/api/metrics?instance=' + encodeURIComponent(instance));
    render();
  });
}

// ---------- Routing ----------
function route() {
  leave();
  const [path, search] = location.hash.slice(1).split('?');
  const [, name, argument] = (path || '/resources').split('/');
  const query = new URLSearchParams(search);
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.page === name));
  const argumentText = argument ? decodeURIComponent(argument) : null;
  leave = ({
    resources: () => resourcesPage(),
    console: () => consolePage(argumentText),
    logs: () => logsPage(query),
    traces: () => argumentText ? tracePage(argumentText) : tracesPage(query),
    metrics: () => metricsPage(argumentText),
  }[name] ?? resourcesPage)() ?? (() => {});
}

window.addEventListener('hashchange', route);
route();
