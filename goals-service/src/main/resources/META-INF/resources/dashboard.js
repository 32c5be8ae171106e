// The shared view, live: follows /api/view/stream with an EventSource opened by a single-use ticket, and redraws
// on every pushed view. No framework, no CDN: the page works offline.
(function () {
  'use strict';

  const TEXT = {
    en: {
      title: 'Shared view', campaign: 'Campaign', allCampaigns: 'All campaigns', live: 'live', offline: 'offline',
      signOut: 'Sign out', signInTitle: 'Sign in', signIn: 'Sign in',
      signInHelp: 'Paste a bearer token. Locally: ./smarketing token executive erin',
      funnel: 'Funnel', leads: 'Leads', mqls: 'MQLs', sqls: 'SQLs', won: 'Won', lost: 'Lost', rejected: 'Rejected',
      revenue: 'Revenue', mqlToSql: 'MQL → SQL', sqlToWon: 'SQL → won', conflicts: 'Messaging conflicts',
      sla: 'Follow-up SLA', assigned: 'Assigned', met: 'met', breached: 'breached', goals: 'Goals',
      handoff: 'Handoff MQL → rep', median: 'median',
      noGoals: 'No goals yet.', campaigns: 'Campaigns', name: 'Name', status: 'Status', spend: 'Spend',
      feedback: 'Feedback', leadQuality: 'Lead quality', topRejections: 'Top rejection reasons',
      activity: 'Recent activity', lastEvent: 'Last event', expected: 'expected by now', forecast: 'forecast',
      ON_TRACK: 'On track', AT_RISK: 'At risk', ACHIEVED: 'Achieved', MISSED: 'Missed',
      REVENUE: 'Revenue', LEADS: 'Leads', MQLS: 'MQLs', SQLS: 'SQLs', DEALS_WON: 'Deals won',
      SLA_COMPLIANCE: 'SLA compliance', LEAD_QUALITY: 'Lead quality', CSAT: 'CSAT',
      badToken: 'The token was refused.', unknownCampaign: '(unnamed campaign)'
    },
    ja: {
      title: '共有ビュー', campaign: 'キャンペーン', allCampaigns: 'すべてのキャンペーン', live: 'ライブ', offline: 'オフライン',
      signOut: 'サインアウト', signInTitle: 'サインイン', signIn: 'サインイン',
      signInHelp: 'ベアラートークンを貼り付けてください。ローカル: ./smarketing token executive erin',
      funnel: 'ファネル', leads: 'リード', mqls: 'MQL', sqls: 'SQL', won: '受注', lost: '失注', rejected: '差し戻し',
      revenue: '売上', mqlToSql: 'MQL → SQL', sqlToWon: 'SQL → 受注', conflicts: 'メッセージの衝突',
      sla: 'フォローアップSLA', assigned: '割り当て', met: '達成', breached: '違反', goals: '目標',
      handoff: 'MQL→担当者の引き渡し', median: '中央値',
      noGoals: '目標はまだありません。', campaigns: 'キャンペーン', name: '名前', status: '状態', spend: '費用',
      feedback: 'フィードバック', leadQuality: 'リードの質', topRejections: '主な差し戻し理由',
      activity: '最近の動き', lastEvent: '最新のイベント', expected: '現時点の期待値', forecast: '予測',
      ON_TRACK: '順調', AT_RISK: '要注意', ACHIEVED: '達成', MISSED: '未達',
      REVENUE: '売上', LEADS: 'リード数', MQLS: 'MQL数', SQLS: 'SQL数', DEALS_WON: '受注数',
      SLA_COMPLIANCE: 'SLA遵守率', LEAD_QUALITY: 'リードの質', CSAT: '顧客満足度',
      badToken: 'トークンが拒否されました。', unknownCampaign: '(名称未設定のキャンペーン)'
    }
  };
  const EVENT_LABELS = {
    en: { 'lead.created': 'Lead captured', 'lead.qualified': 'Lead qualified', 'lead.assigned': 'Lead assigned',
      'lead.accepted': 'Lead accepted', 'lead.rejected': 'Lead rejected', 'lead.touched': 'Touch',
      'lead.won': 'Deal won', 'lead.lost': 'Deal lost', 'lead.sla-breached': 'SLA breached',
      'campaign.planned': 'Campaign planned', 'campaign.updated': 'Campaign updated',
      'campaign.launched': 'Campaign launched', 'campaign.completed': 'Campaign completed',
      'campaign.cancelled': 'Campaign cancelled', 'campaign.spend-recorded': 'Spend recorded',
      'feedback.round-opened': 'Feedback round opened', 'feedback.submitted': 'Feedback',
      'feedback.csat-recorded': 'CSAT recorded', 'feedback.round-closed': 'Feedback round closed' },
    ja: { 'lead.created': 'リード獲得', 'lead.qualified': 'MQL化', 'lead.assigned': '担当割り当て',
      'lead.accepted': '営業が受け入れ', 'lead.rejected': '営業が差し戻し', 'lead.touched': 'コンタクト',
      'lead.won': '受注', 'lead.lost': '失注', 'lead.sla-breached': 'SLA違反',
      'campaign.planned': 'キャンペーン計画', 'campaign.updated': 'キャンペーン更新',
      'campaign.launched': 'キャンペーン開始', 'campaign.completed': 'キャンペーン終了',
      'campaign.cancelled': 'キャンペーン中止', 'campaign.spend-recorded': '費用計上',
      'feedback.round-opened': 'フィードバック開始', 'feedback.submitted': 'フィードバック',
      'feedback.csat-recorded': 'CSAT記録', 'feedback.round-closed': 'フィードバック完了' }
  };

  const $ = (selector) => document.querySelector(selector);
  let lang = localStorage.getItem('smarketing.lang') || (navigator.language.startsWith('ja') ? 'ja' : 'en');
  let token = takeTokenFromFragment() || sessionStorage.getItem('smarketing.token');
  let lastView = null;
  let stream = null;

  function t(key) { return (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key; }

  function takeTokenFromFragment() {
    const match = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
    if (!match) return null;
    const value = decodeURIComponent(match[1]);
    sessionStorage.setItem('smarketing.token', value);
    history.replaceState(null, '', location.pathname + location.search); // keep the token out of the address bar
    return value;
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('#lang').textContent = lang === 'en' ? '日本語' : 'English';
    if (lastView) render(lastView);
  }

  const money = (value, currency) => value == null ? '–'
    : new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', { style: 'currency', currency: currency || 'JPY',
      maximumFractionDigits: 0 }).format(value);
  const percent = (ratio) => ratio == null ? '–' : (ratio * 100).toFixed(1) + '%';
  /** A wait in seconds as the largest unit that keeps it readable: 42 s, 7 min, 3.5 h, 2.1 d. */
  const waited = (seconds) => seconds == null ? '–' : seconds < 120 ? seconds + ' s'
    : seconds < 7200 ? Math.round(seconds / 60) + ' min' : seconds < 172800 ? (seconds / 3600).toFixed(1) + ' h'
      : (seconds / 86400).toFixed(1) + ' d';
  const number = (value, digits) => value == null ? '–' : Number(value).toFixed(digits);
  const time = (iso) => iso == null ? '–' : new Date(iso).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');

  function element(tag, attributes, ...children) {
    const el = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (key === 'class') el.className = value; else if (key === 'style') el.style.cssText = value;
      else el.setAttribute(key, value);
    });
    children.flat().forEach((child) => el.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return el;
  }

  function render(view) {
    lastView = view;
    const stages = ['leads', 'mqls', 'sqls', 'won', 'lost', 'rejected'];
    const widest = Math.max(1, ...stages.map((s) => view.funnel[s]));
    $('#funnel').replaceChildren(...stages.map((stage) => element('div', { class: 'stage' },
      element('span', {}, t(stage)),
      element('div', { class: 'bar', style: `width:${100 * view.funnel[stage] / widest}%` }),
      element('span', { class: 'n', id: `funnel-${stage}` }, view.funnel[stage]))));
    $('#revenue').textContent = money(view.revenue, view.currency);
    $('#rate-mql-sql').textContent = percent(view.rates.mqlToSqlRate);
    $('#rate-sql-won').textContent = percent(view.rates.sqlToWonRate);
    $('#conflicts').textContent = view.conflicts;

    const compliance = view.sla.complianceRate;
    $('#sla-rate').textContent = compliance == null ? '–' : compliance + '%';
    $('#sla-arc').setAttribute('stroke-dasharray', `${compliance || 0} 100`);
    $('#sla-arc').style.stroke = compliance == null || compliance >= 90 ? 'var(--ok)' : compliance >= 70 ? 'var(--risk)' : 'var(--bad)';
    $('#sla-assigned').textContent = view.sla.assigned;
    $('#sla-met').textContent = view.sla.met;
    $('#sla-breached').textContent = view.sla.breached;
    $('#handoff-median').textContent = waited(view.handoff && view.handoff.medianSeconds);
    $('#handoff-p90').textContent = waited(view.handoff && view.handoff.p90Seconds);

    $('#goals').replaceChildren(...(view.goals.length === 0 ? [element('p', { class: 'small' }, t('noGoals'))]
      : view.goals.map(renderGoal)));

    const campaignRows = view.campaigns.map((c) => element('tr', {},
      element('td', {}, c.name || t('unknownCampaign')), element('td', {}, c.status || '–'),
      element('td', {}, c.leads), element('td', {}, money(c.revenue, view.currency)),
      element('td', {}, money(c.spend, view.currency)), element('td', {}, percent(c.roi))));
    $('#campaigns tbody').replaceChildren(...campaignRows);
    updateCampaignFilter(view.campaigns);

    $('#avg-lead-quality').textContent = number(view.feedback.avgLeadQuality, 2);
    $('#avg-csat').textContent = number(view.feedback.avgCsat, 2);
    $('#rejection-reasons').replaceChildren(...view.feedback.topRejectionReasons.map((r) =>
      element('li', {}, `${r.reason} (${r.count})`)));

    $('#activity').replaceChildren(...view.recent.map((a) => {
      const kind = a.type.replace(/^io\.smarketing\./, '').replace(/\.v1$/, '');
      return element('li', {}, element('span', { class: 'when' }, time(a.at)),
        [(EVENT_LABELS[lang] || EVENT_LABELS.en)[kind] || kind, a.campaign, a.summary, a.actor]
          .filter((part) => part).join(' · '));
    }));
    $('#last-event').textContent = time(view.lastEventAt);
    window.SmarketingTrend.show(token, view.filter.campaignId, lang);
  }

  function renderGoal(goal) {
    const p = goal.progress;
    if (!p) {
      return element('div', { class: 'goal', 'data-goal': goal.id },
        element('div', { class: 'head' },
          element('span', {}, element('b', {}, goal.name), ' · ', t(goal.metric)),
          element('span', { class: 'status' }, goal.problem || '–')));
    }
    const filled = Math.min(100, Number(p.percent || 0));
    const expected = p.target > 0 ? Math.min(100, 100 * p.expectedByNow / p.target) : 0;
    return element('div', { class: `goal ${p.status}`, 'data-goal': goal.id },
      element('div', { class: 'head' },
        element('span', {}, element('b', {}, goal.name), ' · ', t(goal.metric)),
        element('span', { class: `status ${p.status}` }, t(p.status))),
      element('div', { class: 'progress', title: `${t('expected')}: ${number(p.expectedByNow, 2)}` },
        element('div', { class: 'fill', style: `width:${filled}%` }),
        element('div', { class: 'expected', style: `left:${expected}%` })),
      element('div', { class: 'small' },
        `${number(p.actual, 2)} / ${number(p.target, 2)} (${p.percent == null ? '–' : p.percent + '%'}) · `
        + `${t('forecast')} ${number(p.forecast, 2)} · ${goal.periodStart} – ${goal.periodEnd}`));
  }

  function updateCampaignFilter(campaigns) {
    const select = $('#campaign-filter');
    const known = new Set([...select.options].map((o) => o.value));
    campaigns.filter((c) => !known.has(c.id)).forEach((c) =>
      select.append(element('option', { value: c.id }, c.name || c.id)));
  }

  function setLive(on) {
    const badge = $('#live');
    badge.className = 'live ' + (on ? 'on' : 'off');
    badge.dataset.i18n = on ? 'live' : 'offline';
    badge.textContent = t(badge.dataset.i18n);
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
      const response = await fetch('/api/view/stream-tickets',
        { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
      if (response.status === 401 || response.status === 403) { signOut(t('badToken')); return; }
      if (!response.ok) throw new Error('HTTP ' + response.status);
      ticket = (await response.json()).ticket;
    } catch (error) {
      reconnectLater();
      return;
    }
    if (!token) return;
    const source = new EventSource('/api/view/stream?ticket=' + encodeURIComponent(ticket)
      + (campaign ? '&campaignId=' + encodeURIComponent(campaign) : ''));
    stream = source;
    source.onopen = () => { setLive(true); retry = 1000; };
    source.onmessage = (event) => render(JSON.parse(event.data));
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

  function signOut(message) {
    if (stream) stream.close();
    stream = null;
    clearTimeout(retryTimer);
    sessionStorage.removeItem('smarketing.token');
    token = null;
    $('#dashboard').hidden = true;
    $('#sign-in').hidden = false;
    $('#sign-in-error').hidden = !message;
    $('#sign-in-error').textContent = message || '';
    setLive(false);
  }

  function start() {
    $('#sign-in').hidden = true;
    $('#dashboard').hidden = false;
    follow();
  }

  $('#lang').addEventListener('click', () => {
    lang = lang === 'en' ? 'ja' : 'en';
    localStorage.setItem('smarketing.lang', lang);
    applyLanguage();
  });
  $('#sign-out').addEventListener('click', () => signOut());
  $('#campaign-filter').addEventListener('change', follow);
  $('#sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    token = $('#token-input').value.trim().replace(/^Bearer\s+/i, '');
    sessionStorage.setItem('smarketing.token', token);
    start();
  });

  applyLanguage();
  if (token) start(); else signOut();
})();
