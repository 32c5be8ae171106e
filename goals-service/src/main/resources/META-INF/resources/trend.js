// The trend chart: leads, MQLs, SQLs and deals won per day (GET /api/view/series), drawn as SVG by this
// file alone (no library, no CDN). The dashboard calls SmarketingTrend.show(...) whenever its view changes;
// the series is fetched again at most once every few seconds, and drawn into #trend.
window.SmarketingTrend = (function () {
  'use strict';

  const SVG = 'http://www.w3.org/2000/svg';
  // drawn at the width it is shown (at least MIN_WIDTH), so its text stays the page's size on any screen
  const MIN_WIDTH = 480;
  const HEIGHT = 220;
  // the right padding holds half of the last date label, which is centred on the last point
  const PAD = { left: 44, right: 24, top: 14, bottom: 34 };
  const LINES = [
    { key: 'leads', color: '#6c8ebf' },
    { key: 'mqls', color: '#9673a6' },
    { key: 'sqls', color: '#d79b00' },
    { key: 'won', color: '#2e7d32' }
  ];
  const S = window.Smarketing;
  const t = S.t;
  const REFRESH_MS = 3000;

  let lastFetch = 0;
  let pending = null;
  let lastKey = null;
  let lastSeries = null;
  let drawnWidth = 0;

  function node(tag, attributes, text) {
    const el = document.createElementNS(SVG, tag);
    Object.entries(attributes).forEach(([key, value]) => el.setAttribute(key, String(value)));
    if (text != null) el.textContent = text;
    return el;
  }

  /** The tick values of an axis from 0 to at least max: 0 and four round steps. */
  function ticks(max) {
    const rough = Math.max(1, max) / 4;
    const magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough);
    return [0, 1, 2, 3, 4].map((i) => i * step);
  }

  function draw(container, series) {
    if (container.clientWidth === 0) return; // on a page not shown: drawn when it is (redraw)
    const points = series.points;
    const style = getComputedStyle(container);
    const width = Math.max(MIN_WIDTH, Math.floor(container.clientWidth - parseFloat(style.paddingLeft)
      - parseFloat(style.paddingRight)));
    const svg = node('svg', { viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, role: 'img',
      'aria-label': t('trend'), class: 'trend-chart' });
    const plotW = width - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const max = Math.max(0, ...points.flatMap((p) => LINES.map((l) => p[l.key])));
    const scale = ticks(max);
    const top = scale[scale.length - 1];
    const x = (i) => PAD.left + (points.length === 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
    const y = (value) => PAD.top + plotH - (value * plotH) / top;

    scale.forEach((value) => {
      svg.append(node('line', { x1: PAD.left, x2: width - PAD.right, y1: y(value), y2: y(value), stroke: '#e3e3e3' }));
      svg.append(node('text', { x: PAD.left - 6, y: y(value) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#666' }, S.format.count(value)));
    });
    const every = Math.max(1, Math.ceil(points.length / 8));
    points.forEach((p, i) => {
      if ((points.length - 1 - i) % every === 0) { // evenly spaced, ending with the latest bucket
        svg.append(node('text', { x: x(i), y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#666' },
          p.start.slice(5)));
      }
    });
    LINES.forEach((line) => {
      const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p[line.key]).toFixed(1)}`).join(' ');
      svg.append(node('path', { d: path, fill: 'none', stroke: line.color, 'stroke-width': 2, class: `trend-${line.key}` }));
    });
    const legend = node('g', { class: 'trend-legend' });
    LINES.forEach((line, i) => {
      const lx = PAD.left + i * 90;
      legend.append(node('rect', { x: lx, y: HEIGHT - 12, width: 10, height: 10, fill: line.color }));
      legend.append(node('text', { x: lx + 14, y: HEIGHT - 3, 'font-size': 11, fill: '#333' }, t(line.key)));
    });
    svg.append(legend);

    const title = document.createElement('h2');
    title.textContent = t('trend');
    const children = [title, svg];
    if (max === 0) {
      const empty = document.createElement('p');
      empty.className = 'small';
      empty.textContent = t('trendNone');
      children.push(empty);
    }
    container.replaceChildren(...children);
    drawnWidth = container.clientWidth;
    container.dataset.points = String(points.length);
    container.dataset.total = String(points.reduce((sum, p) => sum + p.leads, 0));
  }

  async function load(container, campaignId) {
    const query = new URLSearchParams({ bucket: 'day' });
    if (campaignId) query.set('campaignId', campaignId);
    lastSeries = await S.api('goals', '/api/view/series?' + query);
    draw(container, lastSeries);
  }

  window.addEventListener('resize', () => {
    const container = document.getElementById('trend');
    if (container && container.clientWidth !== drawnWidth) redraw();
  });

  /** Shows the trend of the campaign (or all) in #trend: fetched now, or shortly if it was fetched just now. */
  function show(campaignId) {
    const container = document.getElementById('trend');
    if (!container || !S.session.token) return;
    const key = campaignId || '';
    if (key === lastKey && lastSeries) draw(container, lastSeries); // a language switch redraws at once
    lastKey = key;
    if (pending) return;
    const wait = Math.max(0, lastFetch + REFRESH_MS - Date.now());
    pending = setTimeout(() => {
      pending = null;
      lastFetch = Date.now();
      load(container, key).catch(() => {});
    }, wait);
  }

  /** Draws the last series again, at the width the chart has now (its page was just shown). */
  function redraw() {
    const container = document.getElementById('trend');
    if (container && lastSeries) draw(container, lastSeries);
  }

  return { show, redraw };
})();
