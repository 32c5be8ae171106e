// The dashboard's shell and the shared view. It signs in, asks goals-service who the token belongs to and where the
// APIs are (GET /api/dashboard), offers the pages the user's roles may see (sales: my leads; marketing: my
// campaigns; everyone: the shared view), and follows /api/view/stream with an EventSource opened by a single-use
// ticket. Every pushed view redraws the shared view and tells the page on show that something changed.
(function () {
  'use strict';

  const S = window.Smarketing;
  const { t, format, element } = S;
  const EVENT_LABELS = {
    en: { 'lead.created': 'Lead captured', 'lead.qualified': 'Lead qualified', 'lead.assigned': 'Lead assigned',
      'lead.accepted': 'Lead accepted', 'lead.rejected': 'Lead rejected', 'lead.touched': 'Touch',
      'lead.won': 'Deal won', 'lead.lost': 'Deal lost', 'lead.sla-breached': 'SLA breached', 'lead.scored': 'Lead scored',
      'campaign.planned': 'Campaign planned', 'campaign.updated': 'Campaign updated',
      'campaign.launched': 'Campaign launched', 'campaign.completed': 'Campaign completed',
      'campaign.cancelled': 'Campaign cancelled', 'campaign.spend-recorded': 'Spend recorded',
      'feedback.round-opened': 'Feedback round opened', 'feedback.submitted': 'Feedback',
      'feedback.csat-recorded': 'CSAT recorded', 'feedback.round-closed': 'Feedback round closed' },
    ja: { 'lead.created': 'リード獲得', 'lead.qualified': 'MQL化', 'lead.assigned': '担当割り当て',
      'lead.accepted': '営業が受け入れ', 'lead.rejected': '営業が差し戻し', 'lead.touched': 'コンタクト',
      'lead.won': '受注', 'lead.lost': '失注', 'lead.sla-breached': 'SLA違反', 'lead.scored': 'スコア更新',
      'campaign.planned': 'キャンペーン計画', 'campaign.updated': 'キャンペーン更新',
      'campaign.launched': 'キャンペーン開始', 'campaign.completed': 'キャンペーン終了',
      'campaign.cancelled': 'キャンペーン中止', 'campaign.spend-recorded': '費用計上',
      'feedback.round-opened': 'フィードバック開始', 'feedback.submitted': 'フィードバック',
      'feedback.csat-recorded': 'CSAT記録', 'feedback.round-closed': 'フィードバック完了' }
  };
  /** Each page and the roles that see it, in the order of the navigation; a user's first page is their own. */
  const PAGES = [
    { id: 'my-leads', label: 'pageMyLeads', roles: ['sales'] },
    { id: 'my-campaigns', label: 'pageMyCampaigns', roles: ['marketing'] },
    { id: 'view', label: 'pageView', roles: ['marketing', 'sales', 'executive'] }
  ];

  const $ = (selector) => document.querySelector(selector);
  let lastView = null;
  let stream = null;
  let current = null;

  S.session.token = takeTokenFromFragment() || sessionStorage.getItem('smarketing.token');

  function takeTokenFromFragment() {
    const match = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
    if (!match) return null;
    const value = decodeURIComponent(match[1]);
    sessionStorage.setItem('smarketing.token', value);
    history.replaceState(null, '', location.pathname + location.search); // keep the token out of the address bar
    return value;
  }

  // ------------------------------------------------------------------------------------------- the shared view

  function render(view) {
    lastView = view;
    const stages = ['leads', 'mqls', 'sqls', 'won', 'lost', 'rejected'];
    const widest = Math.max(1, ...stages.map((s) => view.funnel[s]));
    $('#funnel').replaceChildren(...stages.map((stage) => element('div', { class: 'stage' },
      element('span', {}, t(stage)),
      element('div', { class: 'bar', style: `width:${100 * view.funnel[stage] / widest}%` }),
      element('span', { class: 'n', id: `funnel-${stage}`, 'data-value': view.funnel[stage] },
        format.count(view.funnel[stage])))));
    $('#revenue').textContent = format.money(view.revenue, view.currency);
    $('#rate-mql-sql').textContent = format.ratio(view.rates.mqlToSqlRate);
    $('#rate-sql-won').textContent = format.ratio(view.rates.sqlToWonRate);
    $('#conflicts').textContent = format.count(view.conflicts);

    const compliance = view.sla.complianceRate;
    $('#sla-rate').textContent = format.percent(compliance);
    $('#sla-arc').setAttribute('stroke-dasharray', `${compliance || 0} 100`);
    $('#sla-arc').style.stroke = compliance == null || compliance >= 90 ? 'var(--ok)' : compliance >= 70 ? 'var(--risk)' : 'var(--bad)';
    $('#sla-assigned').textContent = format.count(view.sla.assigned);
    $('#sla-met').textContent = format.count(view.sla.met);
    $('#sla-breached').textContent = format.count(view.sla.breached);
    const handoffSeconds = (key) => view.handoff && view.handoff[key] != null ? view.handoff[key] * 1000 : null;
    $('#handoff-median').textContent = handoffSeconds('medianSeconds') == null ? '–' : format.duration(handoffSeconds('medianSeconds'));
    $('#handoff-p90').textContent = handoffSeconds('p90Seconds') == null ? '–' : format.duration(handoffSeconds('p90Seconds'));

    $('#goals').replaceChildren(...(view.goals.length === 0 ? [element('p', { class: 'small' }, t('noGoals'))]
      : view.goals.map((goal) => renderGoal(goal, view.currency))));

    const campaignRows = view.campaigns.map((c) => element('tr', {},
      element('td', {}, c.name || t('unknownCampaign')), element('td', {}, c.status ? t(c.status) : '–'),
      element('td', {}, format.count(c.leads)), element('td', {}, format.money(c.revenue, view.currency)),
      element('td', {}, format.money(c.spend, view.currency)), element('td', {}, format.ratio(c.roi))));
    $('#campaigns tbody').replaceChildren(...campaignRows);
    updateCampaignFilter(view.campaigns);

    $('#avg-lead-quality').textContent = format.decimal(view.feedback.avgLeadQuality, 2);
    $('#avg-csat').textContent = format.decimal(view.feedback.avgCsat, 2);
    $('#rejection-reasons').replaceChildren(...view.feedback.topRejectionReasons.map((r) =>
      element('li', {}, `${t(r.reason)} (${format.count(r.count)})`)));

    $('#activity').replaceChildren(...view.recent.map((a) => {
      const kind = a.type.replace(/^io\.smarketing\./, '').replace(/\.v1$/, '');
      const summary = (a.summary || '').split(' · ').filter((part) => part).map(S.token).join(' · ');
      return element('li', {}, element('span', { class: 'when' }, format.time(a.at)),
        [(EVENT_LABELS[S.lang] || EVENT_LABELS.en)[kind] || kind, a.campaign, summary, a.actor]
          .filter((part) => part).join(' · '));
    }));
    $('#last-event').textContent = format.time(view.lastEventAt);
    window.SmarketingTrend.show(view.filter.campaignId);
  }

  function renderGoal(goal, currency) {
    const p = goal.progress;
    const head = element('span', {}, element('b', {}, goal.name), ' · ', t(goal.metric));
    if (!p) {
      return element('div', { class: 'goal', 'data-goal': goal.id },
        element('div', { class: 'head' }, head, element('span', { class: 'status' }, goal.problem || '–')));
    }
    const value = (n) => S.metricValue(goal.metric, n, currency);
    const filled = Math.min(100, Number(p.percent || 0));
    const expected = p.target > 0 ? Math.min(100, 100 * p.expectedByNow / p.target) : 0;
    return element('div', { class: `goal ${p.status}`, 'data-goal': goal.id },
      element('div', { class: 'head' }, head, element('span', { class: `status ${p.status}` }, t(p.status))),
      element('div', { class: 'progress', title: `${t('expected')}: ${value(p.expectedByNow)}` },
        element('div', { class: 'fill', style: `width:${filled}%` }),
        element('div', { class: 'expected', style: `left:${expected}%` })),
      element('div', { class: 'small' },
        `${value(p.actual)} / ${value(p.target)} (${format.percent(p.percent)}) · `
        + `${t('forecast')} ${value(p.forecast)} · ${format.date(goal.periodStart)} – ${format.date(goal.periodEnd)}`));
  }

  function updateCampaignFilter(campaigns) {
    const select = $('#campaign-filter');
    const known = new Set([...select.options].map((o) => o.value));
    campaigns.filter((c) => !known.has(c.id)).forEach((c) =>
      select.append(element('option', { value: c.id }, c.name || c.id)));
  }

  // ------------------------------------------------------------------------------------------------ the pages

  function pagesOf(roles) {
    return PAGES.filter((page) => page.roles.some((role) => roles.includes(role)));
  }

  function showPage(id) {
    const allowed = pagesOf(S.session.roles);
    const page = allowed.find((p) => p.id === id) || allowed[0];
    if (!page) return;
    current = page.id;
    document.querySelectorAll('main.page').forEach((main) => { main.hidden = main.dataset.page !== page.id; });
    document.querySelectorAll('#pages a').forEach((link) => {
      if (link.dataset.page === page.id) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
    });
    $('#campaign-filter-label').hidden = page.id !== 'view';
    history.replaceState(null, '', '#' + page.id);
    if (S.pages[page.id]) S.pages[page.id].show();
    if (page.id === 'view') window.SmarketingTrend.redraw();
  }

  function buildNavigation() {
    const allowed = pagesOf(S.session.roles);
    $('#pages').replaceChildren(...allowed.map((page) =>
      element('a', { href: '#' + page.id, 'data-page': page.id, 'data-i18n': page.label }, t(page.label))));
    $('#pages').hidden = allowed.length === 0;
    $('#user').textContent = S.session.user;
  }

  // ------------------------------------------------------------------------------------------ the live stream

  function setLive(on) {
    const badge = $('#live');
    badge.className = 'live ' + (on ? 'on' : 'off');
    badge.dataset.i18n = on ? 'live' : 'offline';
    badge.textContent = t(badge.dataset.i18n);
  }

  function viewArrived(view) {
    render(view);
    if (current && S.pages[current]) S.pages[current].changed(view);
  }

  // Follows the live view with an EventSource. It cannot send the bearer token, and a token in a URL ends up
  // in logs and histories, so each connection first trades the token (in a header) for a single-use ticket.
  // The server ends the stream when the token expires; the next ticket is then refused and the page signs out.
  let retry = 1000;
  let retryTimer = null;
  async function follow() {
    if (stream) stream.close();
    clearTimeout(retryTimer);
    stream = null;
    const campaign = $('#campaign-filter').value;
    let ticket;
    try {
      ticket = (await S.api('goals', '/api/view/stream-tickets', { method: 'POST' })).ticket;
    } catch (error) {
      if (error.status === 401 || error.status === 403) { signOut(t('badToken')); return; }
      reconnectLater();
      return;
    }
    if (!S.session.token) return;
    const source = new EventSource('/api/view/stream?ticket=' + encodeURIComponent(ticket)
      + (campaign ? '&campaignId=' + encodeURIComponent(campaign) : ''));
    stream = source;
    source.onopen = () => { setLive(true); retry = 1000; };
    source.onmessage = (event) => viewArrived(JSON.parse(event.data));
    source.onerror = () => {
      // a ticket opens one connection: EventSource's own reconnect would be refused, so start over
      source.close();
      if (stream === source) reconnectLater();
    };
  }

  function reconnectLater() {
    setLive(false);
    retryTimer = setTimeout(follow, retry);
    retry = Math.min(retry * 2, 15000);
  }

  // ------------------------------------------------------------------------------------- signing in and out

  function signOut(message) {
    if (stream) stream.close();
    stream = null;
    clearTimeout(retryTimer);
    sessionStorage.removeItem('smarketing.token');
    S.session.token = null;
    document.querySelectorAll('main.page').forEach((main) => { main.hidden = true; });
    $('#pages').hidden = true;
    $('#user').textContent = '';
    $('#sign-in').hidden = false;
    $('#sign-in-error').hidden = !message;
    $('#sign-in-error').textContent = message || '';
    setLive(false);
  }

  async function start() {
    $('#sign-in').hidden = true;
    try {
      Object.assign(S.session, await S.api('goals', '/api/dashboard'));
    } catch (error) {
      signOut(error.status === 401 || error.status === 403 ? t('badToken') : error.message);
      return;
    }
    buildNavigation();
    showPage(location.hash.slice(1));
    follow();
  }

  $('#lang').addEventListener('click', () => S.setLanguage(S.lang === 'en' ? 'ja' : 'en'));
  S.onLanguage(() => {
    $('#lang').textContent = S.lang === 'en' ? '日本語' : 'English';
    if (lastView) render(lastView);
    if (current && S.pages[current]) S.pages[current].redraw();
  });
  $('#pages').addEventListener('click', (event) => {
    const link = event.target.closest('a[data-page]');
    if (!link) return;
    event.preventDefault();
    showPage(link.dataset.page);
  });
  $('#sign-out').addEventListener('click', () => signOut());
  $('#campaign-filter').addEventListener('change', follow);
  $('#sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    S.session.token = $('#token-input').value.trim().replace(/^Bearer\s+/i, '');
    sessionStorage.setItem('smarketing.token', S.session.token);
    start();
  });

  S.setLanguage(S.lang);
  if (S.session.token) start(); else signOut();
})();
