// Soba DEX Streams dashboard: plain JavaScript over the REST API. The API key lives in this tab's
// sessionStorage only (never in a URL, a cookie or a log); every request sends it as a Bearer header,
// the live MEV feed too (read with fetch, since EventSource cannot send headers).
'use strict';

const KEY = 'soba.api-key';
const state = { feed: [], searchers: new Map(), feedAbort: null, candleTimer: null, page: 'market', endpoints: new Set() };

function key() { return sessionStorage.getItem(KEY); }

function status(text, error) {
  const el = document.getElementById('status');
  el.textContent = text;
  el.className = error ? 'error' : '';
}

async function api(path, options) {
  const k = key();
  if (!k) { throw new Error('enter an API key first'); }
  const headers = Object.assign({ 'Authorization': 'Bearer ' + k }, (options && options.headers) || {});
  const response = await fetch(path, Object.assign({}, options || {}, { headers }));
  if (response.status === 401 || response.status === 403) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error('key refused: ' + (problem.detail || response.statusText));
    error.refused = true;
    throw error;
  }
  return response;
}

async function json(path, options) {
  const response = await api(path, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error((body && (body.detail || body.title)) || response.statusText);
    error.status = response.status;
    throw error;
  }
  return body;
}

function fail(error) {
  status(error.message, true);
}

// --- tabs -------------------------------------------------------------------------------------
document.querySelectorAll('#tabs button').forEach(button => button.addEventListener('click', () => show(button.dataset.page)));

function show(page) {
  state.page = page;
  document.querySelectorAll('#tabs button').forEach(b => b.classList.toggle('active', b.dataset.page === page));
  document.querySelectorAll('.page').forEach(p => p.classList.toggle('active', p.id === 'page-' + page));
  if (page === 'market') { loadCandles(); }
  if (page === 'health') { loadHealth(); }
  if (page === 'risk' && graphChart) { graphChart.resize(); }
  if (page === 'market' && candleChart) { candleChart.resize(); }
}

// --- key --------------------------------------------------------------------------------------
document.getElementById('key-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('key');
  const value = input.value.trim();
  input.value = '';
  if (!value) { status('enter an API key', true); return; }
  sessionStorage.setItem(KEY, value);
  await start();
});
document.getElementById('forget').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  stopFeed();
  status('key forgotten');
});

async function start() {
  try {
    // health is public: a read route that answers 200 for any address checks the key itself
    await json('/api/v1/blockchain/transaction-graph?address=0x' + '0'.repeat(40) + '&depth=1&limit=1');
    const health = await json('/api/v1/health');
    // the routes this instance serves, from its areas: optional pages ask only for what exists
    state.endpoints = new Set(Object.values(health.services || {}).flatMap(area => area.endpoints || []));
    status('connected to ' + health.instance + ' — ' + health.status);
    startFeed();
    show(state.page);
  } catch (error) {
    if (error.refused) { sessionStorage.removeItem(KEY); stopFeed(); }
    fail(error);
  }
}

// --- market -----------------------------------------------------------------------------------
let candleChart = null;
document.getElementById('market-form').addEventListener('submit', event => { event.preventDefault(); loadCandles(); });

async function loadCandles() {
  clearTimeout(state.candleTimer);
  if (!key()) { return; }
  const pair = document.getElementById('pair').value.trim();
  const venue = document.getElementById('venue').value.trim() || 'all';
  const interval = document.getElementById('interval').value;
  const info = document.getElementById('market-info');
  try {
    const series = await json('/api/v1/data/aggregate-market-data?' + new URLSearchParams({ pair, venue, interval }));
    const candles = series.candles || [];
    info.textContent = candles.length + ' candles of ' + pair + ' on ' + venue + ', ' + interval;
    info.className = 'info';
    drawCandles(candles, await forecast(pair, interval));
  } catch (error) {
    info.textContent = error.message;
    info.className = 'info error';
  }
  if (state.page === 'market') { state.candleTimer = setTimeout(loadCandles, 5000); }
}

// The latest stream forecast, where this instance has price prediction; nothing otherwise.
async function forecast(pair, interval) {
  if (!state.endpoints.has('POST /api/v1/ml/predict')) { return null; }
  try {
    const response = await api('/api/v1/ml/predict', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pair, interval, horizon: interval }) });
    return response.ok ? await response.json() : null;
  } catch (error) {
    return null;
  }
}

function drawCandles(candles, prediction) {
  if (!candleChart) { candleChart = echarts.init(document.getElementById('candle-chart'), 'dark'); }
  const times = candles.map(c => new Date(c.open_time).toISOString().substring(5, 16).replace('T', ' '));
  const ohlc = candles.map(c => [Number(c.open), Number(c.close), Number(c.low), Number(c.high)]);
  const volume = candles.map(c => Number(c.base_volume));
  const series = [
    { name: 'price', type: 'candlestick', data: ohlc, xAxisIndex: 0, yAxisIndex: 0 },
    { name: 'volume', type: 'bar', data: volume, xAxisIndex: 1, yAxisIndex: 1, itemStyle: { color: '#4c6ef5' } }
  ];
  if (prediction && prediction.lower != null && prediction.upper != null && candles.length) {
    const band = candles.map((c, i) => i === candles.length - 1 ? Number(prediction.lower) : null);
    series.push({ name: 'forecast low', type: 'line', data: band, symbolSize: 8 });
    series.push({ name: 'forecast high', type: 'line', data: candles.map((c, i) => i === candles.length - 1 ? Number(prediction.upper) : null), symbolSize: 8 });
  }
  candleChart.setOption({
    backgroundColor: 'transparent', animation: false,
    tooltip: { trigger: 'axis' },
    grid: [{ left: 60, right: 20, top: 20, height: '62%' }, { left: 60, right: 20, top: '76%', height: '16%' }],
    xAxis: [{ type: 'category', data: times, gridIndex: 0 }, { type: 'category', data: times, gridIndex: 1, axisLabel: { show: false } }],
    yAxis: [{ scale: true, gridIndex: 0 }, { scale: true, gridIndex: 1, splitNumber: 2 }],
    series
  }, true);
}

// --- MEV --------------------------------------------------------------------------------------
document.getElementById('mev-kind').addEventListener('change', renderFeed);
document.getElementById('victim-form').addEventListener('submit', event => {
  event.preventDefault();
  const tx = document.getElementById('victim').value.trim().toLowerCase();
  const hits = state.feed.filter(a => a.status !== 'retraction' && (a.finding.victim_transaction_hashes || []).includes(tx));
  const answer = document.getElementById('victim-answer');
  answer.textContent = hits.length
    ? 'yes: sandwiched in block ' + hits[0].finding.block_number + ' by ' + hits[0].finding.searcher_address
    : 'not in the findings seen since this page opened';
});

function stopFeed() {
  if (state.feedAbort) { state.feedAbort.abort(); state.feedAbort = null; }
  document.getElementById('mev-live').textContent = 'feed closed';
}

async function startFeed() {
  stopFeed();
  const controller = new AbortController();
  state.feedAbort = controller;
  const live = document.getElementById('mev-live');
  while (state.feedAbort === controller) {
    try {
      const response = await api('/api/v1/stream/mev-alerts?seconds=600', { signal: controller.signal });
      if (!response.ok) { throw new Error('feed: ' + response.status); }
      live.textContent = 'live';
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) { break; }
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.substring(0, end);
          buffer = buffer.substring(end + 2);
          const data = event.split('\n').filter(l => l.startsWith('data:')).map(l => l.substring(5).trim()).join('\n');
          if (data) { onAlert(JSON.parse(data)); }
        }
      }
    } catch (error) {
      if (controller.signal.aborted) { return; }
      live.textContent = 'feed interrupted: ' + error.message + ' (reconnecting)';
      if (error.refused) { stopFeed(); fail(error); return; }
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
  }
}

function onAlert(alert) {
  if (alert.heartbeat) { return; }
  state.feed.unshift(alert);
  state.feed.length = Math.min(state.feed.length, 500);
  const searcher = alert.finding.searcher_address;
  if (searcher) {
    state.searchers.set(searcher, (state.searchers.get(searcher) || 0) + (alert.status === 'retraction' ? -1 : 1));
  }
  renderFeed();
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  row.appendChild(td);
}

function renderFeed() {
  const kind = document.getElementById('mev-kind').value;
  const body = document.querySelector('#mev-feed tbody');
  body.replaceChildren();
  state.feed.filter(a => !kind || a.finding.kind === kind).slice(0, 200).forEach(a => {
    const row = document.createElement('tr');
    row.className = a.status;
    const f = a.finding;
    cell(row, a.status); cell(row, f.kind); cell(row, f.block_number); cell(row, f.searcher_address);
    cell(row, f.profit_amount == null ? '' : f.profit_amount + ' ' + (f.profit_token_address || ''));
    cell(row, (f.victim_transaction_hashes || []).length);
    body.appendChild(row);
  });
  const searchers = document.querySelector('#mev-searchers tbody');
  searchers.replaceChildren();
  [...state.searchers.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).forEach(([address, count]) => {
    const row = document.createElement('tr');
    cell(row, address); cell(row, count);
    searchers.appendChild(row);
  });
}

// --- risk -------------------------------------------------------------------------------------
let graphChart = null;
document.getElementById('risk-form').addEventListener('submit', event => { event.preventDefault(); loadRisk(); });

async function loadRisk() {
  const address = document.getElementById('risk-address').value.trim().toLowerCase();
  const depth = document.getElementById('risk-depth').value;
  const answer = document.getElementById('risk-answer');
  const parts = [];
  if (!state.endpoints.has('POST /api/v1/fraud/assess-risk')) {
    parts.push('fraud scoring: not available on this instance');
  } else try {
    const response = await api('/api/v1/fraud/assess-risk', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ address }) });
    const risk = await response.json().catch(() => null);
    if (response.status === 404 && (!risk || !risk.detail || risk.title === 'Not Found')) {
      parts.push('fraud scoring: not available on this instance');
    } else if (!response.ok) {
      parts.push('risk: ' + ((risk && risk.detail) || response.statusText));
    } else {
      parts.push('risk ' + risk.risk_score + ' (' + risk.risk_level + ')' + (risk.reasons || []).map(r => ' · ' + (r.code || r.detail)).join(''));
    }
  } catch (error) {
    if (error.refused) { fail(error); return; }
    parts.push('risk: ' + error.message);
  }
  try {
    const graph = await json('/api/v1/blockchain/transaction-graph?' + new URLSearchParams({ address, depth }));
    parts.push(graph.known === false ? 'this address has not been seen' :
      graph.nodes.length + ' nodes, ' + graph.edges.length + ' edges' + (graph.truncated ? ' (truncated)' : ''));
    drawGraph(graph);
  } catch (error) {
    parts.push('graph: ' + (error.status === 404 ? 'not available on this instance' : error.message));
  }
  answer.textContent = parts.join(' — ');
}

function drawGraph(graph) {
  if (!graphChart) { graphChart = echarts.init(document.getElementById('graph-chart'), 'dark'); }
  const colour = score => score == null ? '#868e96' : score >= 0.8 ? '#fa5252' : score >= 0.5 ? '#fd7e14' : '#40c057';
  graphChart.setOption({
    backgroundColor: 'transparent', animation: false, tooltip: {},
    series: [{
      type: 'graph', layout: 'force', roam: true, force: { repulsion: 120, edgeLength: 80 },
      label: { show: false },
      data: (graph.nodes || []).map(n => ({ id: n.address, name: n.address, value: n.risk_score,
        symbolSize: n.hop === 0 ? 22 : 10, itemStyle: { color: colour(n.risk_score) } })),
      links: (graph.edges || []).map(e => ({ source: e.from, target: e.to, value: e.transaction_count }))
    }]
  }, true);
}

// --- health -----------------------------------------------------------------------------------
document.getElementById('health-refresh').addEventListener('click', loadHealth);

async function loadHealth() {
  if (!key()) { return; }
  try {
    const health = await json('/api/v1/health');
    document.getElementById('health-summary').textContent = health.status + ' · pipeline ' + health.pipeline_state
      + ' · up ' + Math.round(health.uptime / 1000) + ' s' + (health.reasons && health.reasons.length ? ' · ' + health.reasons.join('; ') : '');
    const body = document.querySelector('#health-areas tbody');
    body.replaceChildren();
    Object.values(health.services || {}).forEach(area => {
      const row = document.createElement('tr');
      cell(row, area.title || area.name); cell(row, area.built ? 'built' : 'planned'); cell(row, area.healthy ? 'yes' : 'no');
      cell(row, area.consumer_lag); cell(row, area.detail);
      body.appendChild(row);
    });
  } catch (error) {
    fail(error);
  }
}

if (key()) { start(); } else { status('enter an API key to begin'); }
