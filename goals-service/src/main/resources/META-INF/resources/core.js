// What every page of the dashboard shares: the words in English and Japanese, numbers, money and times formatted
// for the language (Intl), building elements, and calling the services' APIs with the signed-in user's token.
// Plain script, no framework and no CDN: the pages work offline.
window.Smarketing = (function () {
  'use strict';

  const TEXT = {
    en: {
      brandTitle: 'Smarketing', title: 'Shared view', campaign: 'Campaign', allCampaigns: 'All campaigns', live: 'live',
      offline: 'offline', signOut: 'Sign out', signInTitle: 'Sign in', signIn: 'Sign in',
      signInHelp: 'Paste a bearer token. Locally: ./smarketing token executive erin',
      pageView: 'Shared view', pageMyLeads: 'My leads', pageMyCampaigns: 'My campaigns', signedInAs: 'Signed in as',
      funnel: 'Funnel', leads: 'Leads', mqls: 'MQLs', sqls: 'SQLs', won: 'Won', lost: 'Lost', rejected: 'Rejected',
      revenue: 'Revenue', mqlToSql: 'MQL → SQL', sqlToWon: 'SQL → won', conflicts: 'Messaging conflicts',
      sla: 'Follow-up SLA', assigned: 'Assigned', met: 'met', breached: 'breached', goals: 'Goals',
      handoff: 'Handoff MQL → rep', median: 'median',
      noGoals: 'No goals yet.', campaigns: 'Campaigns', name: 'Name', status: 'Status', spend: 'Spend',
      feedback: 'Feedback', leadQuality: 'Lead quality', topRejections: 'Top rejection reasons', none: 'none',
      activity: 'Recent activity', lastEvent: 'Last event', expected: 'expected by now', forecast: 'forecast',
      badToken: 'The token was refused.', unknownCampaign: '(unnamed campaign)', failed: 'That did not work',
      trend: 'Trend (last 30 days)', trendNone: 'No data yet.', late: 'late', conflict: 'conflict',
      // my leads
      myLeadsTitle: 'My leads', myLeadsHelp: 'Assigned to you and waiting for your answer, the soonest deadline first.',
      waiting: 'waiting', overdue: 'overdue', lead: 'Lead', score: 'Score', channel: 'Channel', slaDue: 'Answer by',
      timeLeft: 'Time left', actions: 'Actions', accept: 'Accept', reject: 'Reject', reason: 'Reason', note: 'Note (optional)',
      noLeads: 'Nothing waiting for you.', accepted: 'Accepted', rejectedLead: 'Rejected', left: '{0} left', overdueBy: '{0} overdue',
      // my campaigns
      myCampaignsTitle: 'My campaigns', myCampaignsHelp: 'The campaigns you own as marketer, all time.',
      noCampaigns: 'You own no campaign yet.', roi: 'ROI', rejectionReasons: 'Rejection reasons',
      roundsTitle: 'Feedback rounds waiting for marketing', roundsHelp: 'Open rounds of your campaigns without a marketing entry yet.',
      noRounds: 'No round is waiting for marketing.', openedAt: 'Opened', salesEntries: 'Sales entries',
      comment: 'What marketing takes from it', actionsPlanned: 'Actions (one a line)', submitEntry: 'Submit our entry',
      entrySent: 'Entry submitted',
      // codes
      ON_TRACK: 'On track', AT_RISK: 'At risk', ACHIEVED: 'Achieved', MISSED: 'Missed',
      REVENUE: 'Revenue', LEADS: 'Leads', MQLS: 'MQLs', SQLS: 'SQLs', DEALS_WON: 'Deals won',
      SLA_COMPLIANCE: 'SLA compliance', LEAD_QUALITY: 'Lead quality', CSAT: 'CSAT',
      DRAFT: 'Draft', ACTIVE: 'Active', COMPLETED: 'Completed', CANCELLED: 'Cancelled', OPEN: 'Open', CLOSED: 'Closed',
      NEW: 'New', MQL: 'MQL', SQL: 'SQL', WON: 'Won', LOST: 'Lost', REJECTED: 'Rejected',
      NOT_A_FIT: 'Not a fit', NO_BUDGET: 'No budget', BAD_CONTACT_DATA: 'Bad contact data', DUPLICATE: 'Duplicate',
      NOT_READY: 'Not ready yet', OTHER: 'Other',
      PRICE: 'Price', COMPETITOR: 'Competitor', NO_DECISION: 'No decision', TIMING: 'Timing', PRODUCT_FIT: 'Product fit',
      WEB: 'Web', EMAIL: 'E-mail', EVENT: 'Event', ADS: 'Ads', SOCIAL: 'Social', REFERRAL: 'Referral',
      MARKETING: 'Marketing', SALES: 'Sales',
      EMAIL_OPENED: 'E-mail opened', LINK_CLICKED: 'Link clicked', PAGE_VISITED: 'Page visited',
      CONTENT_DOWNLOADED: 'Content downloaded', EVENT_ATTENDED: 'Event attended', REPLIED: 'Replied'
    },
    ja: {
      brandTitle: 'Smarketing', title: '共有ビュー', campaign: 'キャンペーン', allCampaigns: 'すべてのキャンペーン', live: 'ライブ',
      offline: 'オフライン', signOut: 'サインアウト', signInTitle: 'サインイン', signIn: 'サインイン',
      signInHelp: 'ベアラートークンを貼り付けてください。ローカル: ./smarketing token executive erin',
      pageView: '共有ビュー', pageMyLeads: '担当リード', pageMyCampaigns: '担当キャンペーン', signedInAs: 'サインイン中',
      funnel: 'ファネル', leads: 'リード', mqls: 'MQL', sqls: 'SQL', won: '受注', lost: '失注', rejected: '差し戻し',
      revenue: '売上', mqlToSql: 'MQL → SQL', sqlToWon: 'SQL → 受注', conflicts: 'メッセージの衝突',
      sla: 'フォローアップSLA', assigned: '割り当て', met: '達成', breached: '違反', goals: '目標',
      handoff: 'MQL→担当者の引き渡し', median: '中央値',
      noGoals: '目標はまだありません。', campaigns: 'キャンペーン', name: '名前', status: '状態', spend: '費用',
      feedback: 'フィードバック', leadQuality: 'リードの質', topRejections: '主な差し戻し理由', none: 'なし',
      activity: '最近の動き', lastEvent: '最新のイベント', expected: '現時点の期待値', forecast: '予測',
      badToken: 'トークンが拒否されました。', unknownCampaign: '(名称未設定のキャンペーン)', failed: '処理できませんでした',
      trend: '推移 (直近30日)', trendNone: 'まだデータがありません。', late: '期限超過', conflict: '衝突',
      myLeadsTitle: '担当リード', myLeadsHelp: 'あなたに割り当てられ、回答を待っているリードです（期限の近い順）。',
      waiting: '件待ち', overdue: '件期限超過', lead: 'リード', score: 'スコア', channel: 'チャネル', slaDue: '回答期限',
      timeLeft: '残り時間', actions: '操作', accept: '受け入れる', reject: '差し戻す', reason: '理由', note: 'メモ（任意）',
      noLeads: '回答待ちのリードはありません。', accepted: '受け入れました', rejectedLead: '差し戻しました', left: '残り {0}',
      overdueBy: '{0} 超過',
      myCampaignsTitle: '担当キャンペーン', myCampaignsHelp: 'あなたがマーケティング担当のキャンペーン（全期間）。',
      noCampaigns: '担当のキャンペーンはまだありません。', roi: 'ROI', rejectionReasons: '差し戻し理由',
      roundsTitle: 'マーケティングの記入待ちのフィードバック', roundsHelp: '担当キャンペーンの未完了ラウンドで、マーケティングの記入がまだないもの。',
      noRounds: 'マーケティングの記入待ちはありません。', openedAt: '開始', salesEntries: '営業の記入',
      comment: 'マーケティングとしての学び', actionsPlanned: '対応策（1行に1つ）', submitEntry: '記入を送信',
      entrySent: '記入を送信しました',
      ON_TRACK: '順調', AT_RISK: '要注意', ACHIEVED: '達成', MISSED: '未達',
      REVENUE: '売上', LEADS: 'リード数', MQLS: 'MQL数', SQLS: 'SQL数', DEALS_WON: '受注数',
      SLA_COMPLIANCE: 'SLA遵守率', LEAD_QUALITY: 'リードの質', CSAT: '顧客満足度',
      DRAFT: '下書き', ACTIVE: '実施中', COMPLETED: '終了', CANCELLED: '中止', OPEN: '受付中', CLOSED: '完了',
      NEW: '新規', MQL: 'MQL', SQL: 'SQL', WON: '受注', LOST: '失注', REJECTED: '差し戻し',
      NOT_A_FIT: '対象外', NO_BUDGET: '予算なし', BAD_CONTACT_DATA: '連絡先不備', DUPLICATE: '重複',
      NOT_READY: '時期尚早', OTHER: 'その他',
      PRICE: '価格', COMPETITOR: '競合', NO_DECISION: '意思決定なし', TIMING: 'タイミング', PRODUCT_FIT: '製品の適合',
      WEB: 'Web', EMAIL: 'メール', EVENT: 'イベント', ADS: '広告', SOCIAL: 'ソーシャル', REFERRAL: '紹介',
      MARKETING: 'マーケティング', SALES: '営業',
      EMAIL_OPENED: 'メール開封', LINK_CLICKED: 'リンククリック', PAGE_VISITED: 'ページ閲覧',
      CONTENT_DOWNLOADED: '資料ダウンロード', EVENT_ATTENDED: 'イベント参加', REPLIED: '返信'
    }
  };
  const REJECTION_REASONS = ['NOT_A_FIT', 'NO_BUDGET', 'BAD_CONTACT_DATA', 'DUPLICATE', 'NOT_READY', 'OTHER'];

  let lang = localStorage.getItem('smarketing.lang') || (navigator.language.startsWith('ja') ? 'ja' : 'en');
  const locale = () => (lang === 'ja' ? 'ja-JP' : 'en-US');

  /** The word for a key or a code (a status, a reason, a channel); {0} is replaced by the argument. */
  function t(key, argument) {
    const text = (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key;
    return argument == null ? text : text.replace('{0}', argument);
  }

  const format = {
    money: (value, currency) => value == null ? '–'
      : new Intl.NumberFormat(locale(), { style: 'currency', currency: currency || 'JPY' }).format(value),
    count: (value) => value == null ? '–' : new Intl.NumberFormat(locale()).format(value),
    decimal: (value, digits) => value == null ? '–'
      : new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value),
    /** A ratio (0.25) as a percentage. */
    ratio: (value) => value == null ? '–'
      : new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value),
    /** A number that already is a percentage (93.5). */
    percent: (value) => value == null ? '–' : format.ratio(Number(value) / 100),
    time: (iso) => iso == null ? '–'
      : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    date: (isoDate) => isoDate == null ? '–'
      : new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(isoDate + 'T00:00:00Z')),
    /** A length of time, to the second below an hour, to the minute below a day. */
    duration: (millis) => {
      const seconds = Math.floor(Math.abs(millis) / 1000);
      const units = [['day', Math.floor(seconds / 86400)], ['hour', Math.floor(seconds / 3600) % 24],
        ['minute', Math.floor(seconds / 60) % 60], ['second', seconds % 60]];
      const shown = seconds >= 86400 ? units.slice(0, 2) : seconds >= 3600 ? units.slice(1, 3) : units.slice(2);
      return shown.filter(([, n], i) => n > 0 || i === shown.length - 1)
        // narrow is "5m" in English, but Japanese has no narrow units ("5m" too): there, short is "5 分"
        .map(([unit, n]) => new Intl.NumberFormat(locale(), { style: 'unit', unit,
          unitDisplay: lang === 'ja' ? 'short' : 'narrow' }).format(n))
        .join(' ');
    }
  };

  /** A goal's number in the goal's own unit: money for revenue, a percentage for SLA compliance, and so on. */
  function metricValue(metric, value, currency) {
    switch (metric) {
      case 'REVENUE': return format.money(value, currency);
      case 'SLA_COMPLIANCE': return format.percent(value);
      case 'LEAD_QUALITY': case 'CSAT': return format.decimal(value, 2);
      default: return format.count(value);
    }
  }

  function element(tag, attributes, ...children) {
    const el = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([key, value]) => {
      if (value == null) return;
      if (key === 'class') el.className = value; else if (key === 'style') el.style.cssText = value;
      else el.setAttribute(key, value);
    });
    children.flat().forEach((child) => el.append(child instanceof Node ? child : document.createTextNode(String(child))));
    return el;
  }

  // The session: the bearer token (kept in this tab only), and once the server has checked it, the user, the
  // roles and where each service's API is (GET /api/dashboard).
  const session = { token: null, user: null, roles: [], apis: { leads: '', campaigns: '', feedback: '' } };

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || 'HTTP ' + status);
      this.status = status;
    }
  }

  /** Calls a service's API: service is 'goals', 'leads', 'campaigns' or 'feedback'; resolves to the JSON body. */
  async function api(service, path, options) {
    const base = service === 'goals' ? '' : (session.apis[service] || '').replace(/\/$/, '');
    const init = Object.assign({ headers: {} }, options);
    init.headers = Object.assign({ Authorization: 'Bearer ' + session.token }, init.headers);
    if (init.body !== undefined && typeof init.body !== 'string') {
      init.body = JSON.stringify(init.body);
      init.headers['Content-Type'] = 'application/json';
    }
    const response = await fetch(base + path, init);
    const body = (response.headers.get('Content-Type') || '').includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, body);
    return body;
  }

  /** Shows a message in a page's flash line (green, or red for an error). */
  function flash(selector, message, isError) {
    const line = document.querySelector(selector);
    line.hidden = false;
    line.className = isError ? 'flash error' : 'flash';
    line.textContent = message;
  }

  /**
   * Calls load() soon: at once, or when minimumGap has passed since its last call, so a burst of changes loads once.
   * Returns the function that asks for it.
   */
  function throttled(load, minimumGap) {
    let timer = null;
    let last = 0;
    return () => {
      if (timer) return;
      timer = setTimeout(() => { timer = null; last = Date.now(); load(); }, Math.max(0, last + minimumGap - Date.now()));
    };
  }

  const languageListeners = [];

  return {
    t, format, metricValue, element, session, api, ApiError, REJECTION_REASONS, flash, throttled,
    /** The role pages, by id, as they register themselves: {show(), changed(view), redraw()}. */
    pages: {},
    get lang() { return lang; },
    setLanguage(next) {
      lang = next;
      localStorage.setItem('smarketing.lang', lang);
      document.documentElement.lang = lang;
      document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
      languageListeners.forEach((listener) => listener());
    },
    onLanguage(listener) { languageListeners.push(listener); },
    /** A data token of a server-made summary ("NOT_A_FIT", "MARKETING", "12000 JPY") in the page's language. */
    token(text) {
      const amount = /^(\d+(?:\.\d+)?) ([A-Z]{3})$/.exec(text);
      if (amount) return format.money(Number(amount[1]), amount[2]);
      if (text === 'late') return t('late');
      return /^[A-Z][A-Z_]+$/.test(text) ? t(text) : text;
    }
  };
})();
