// A sales rep's page: the leads assigned to them and waiting for their answer (leads-service,
// GET /api/leads?stage=MQL&ownerId=<me>&sort=sla_due), the soonest follow-up deadline first, with a live
// countdown and the overdue ones marked; accept or reject (with a reason) on the spot.
(function () {
  'use strict';

  const S = window.Smarketing;
  const { t, format, element } = S;
  const $ = (selector) => document.querySelector(selector);
  const REFRESH_MS = 1000;

  let leads = [];
  let rows = new Map();
  let campaignNames = new Map();
  let shown = false;
  let ticker = null;

  async function load() {
    const query = new URLSearchParams({ stage: 'MQL', ownerId: S.session.user, sort: 'sla_due', size: '200' });
    try {
      leads = (await S.api('leads', '/api/leads?' + query)).items;
      draw();
    } catch (error) {
      say(`${t('failed')}: ${error.message}`, true);
    }
  }

  const refreshSoon = S.throttled(load, REFRESH_MS);

  /**
   * Shows the queue. A lead's row is kept while it stays in the queue, so a reload (after every change anywhere)
   * never loses a reason or a note the rep is typing; a language switch draws every row anew.
   */
  function draw(anew) {
    const kept = anew ? new Map() : rows;
    rows = new Map(leads.map((lead) => {
      const same = kept.get(lead.id);
      return [lead.id, same && same.dataset.signature === signature(lead) ? same : row(lead)];
    }));
    $('#my-leads tbody').replaceChildren(...rows.values());
    $('#my-leads').hidden = leads.length === 0;
    $('#my-leads-empty').hidden = leads.length > 0;
    tick();
  }

  /** What a row shows that can change while the lead stays in the queue. */
  function signature(lead) {
    return [lead.slaDueAt, lead.campaignId && campaignNames.get(lead.campaignId)].join('|');
  }

  function row(lead) {
    const reason = element('select', { class: 'reason', 'aria-label': t('reason') },
      element('option', { value: '' }, t('reason') + '…'),
      S.REJECTION_REASONS.map((code) => element('option', { value: code }, t(code))));
    const note = element('input', { class: 'note', type: 'text', maxlength: '2000', placeholder: t('note') });
    const accept = element('button', { type: 'button', class: 'accept primary' }, t('accept'));
    const reject = element('button', { type: 'button', class: 'reject', disabled: '' }, t('reject'));
    reason.addEventListener('change', () => { reject.disabled = !reason.value; });
    accept.addEventListener('click', () => answer(lead, 'accept', undefined, t('accepted')));
    reject.addEventListener('click', () => answer(lead, 'reject', { reason: reason.value, note: note.value.trim() || null },
      t('rejectedLead')));
    return element('tr', { 'data-lead': lead.id, 'data-signature': signature(lead) },
      element('td', {}, element('b', {}, lead.name), element('div', { class: 'small' },
        [lead.company, lead.email].filter((part) => part).join(' · '))),
      element('td', {}, lead.campaignId ? campaignNames.get(lead.campaignId) || '–' : '–'),
      element('td', {}, t(lead.channel)),
      element('td', {}, format.count(lead.score)),
      element('td', { class: 'when' }, format.time(lead.slaDueAt)),
      element('td', { class: 'countdown', 'data-due': lead.slaDueAt }),
      element('td', { class: 'answer' }, accept, element('span', { class: 'reject-form' }, reason, note, reject)));
  }

  /** Redraws every countdown, marks the overdue leads, and counts them. */
  function tick() {
    const now = Date.now();
    let overdue = 0;
    document.querySelectorAll('#my-leads tbody tr').forEach((tr) => {
      const cell = tr.querySelector('.countdown');
      const left = Date.parse(cell.dataset.due) - now;
      const late = left <= 0;
      overdue += late ? 1 : 0;
      tr.classList.toggle('overdue', late);
      cell.textContent = t(late ? 'overdueBy' : 'left', format.duration(left));
    });
    $('#my-leads-waiting').textContent = format.count(leads.length);
    $('#my-leads-overdue').textContent = format.count(overdue);
  }

  async function answer(lead, action, body, done) {
    document.querySelectorAll(`#my-leads tr[data-lead="${lead.id}"] button`).forEach((b) => { b.disabled = true; });
    try {
      await S.api('leads', `/api/leads/${lead.id}/${action}`, { method: 'POST', body });
      say(`${done}: ${lead.name}`, false);
    } catch (error) {
      say(`${t('failed')}: ${error.message}`, true);
    }
    rows.delete(lead.id); // drawn anew if it stays (the answer was refused), with its buttons back
    load();
  }

  function say(message, isError) {
    S.flash('#my-leads-message', message, isError);
  }

  S.pages['my-leads'] = {
    show() {
      shown = true;
      clearInterval(ticker);
      ticker = setInterval(() => { if (shown && !$('#my-leads-page').hidden) tick(); }, 1000);
      load();
    },
    /** A change anywhere may be a lead routed to me, or one of mine taken back. */
    changed(view) {
      campaignNames = new Map(view.campaigns.map((c) => [c.id, c.name]));
      refreshSoon();
    },
    redraw() {
      if (shown) draw(true);
    }
  };
})();
