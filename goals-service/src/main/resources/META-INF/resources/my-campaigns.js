// A marketer's page: the campaigns they own (campaigns-service, GET /api/campaigns?marketingOwner=<me>) with
// their leads, MQL→SQL rate, spend and ROI (the campaign's performance), lead quality, rejection reasons and
// messaging conflicts (the shared view of that campaign), and the open feedback rounds of those campaigns that
// still wait for marketing's entry (feedback-service), with a form to give it.
(function () {
  'use strict';

  const S = window.Smarketing;
  const { t, format, element } = S;
  const $ = (selector) => document.querySelector(selector);
  const REFRESH_MS = 5000;

  let campaigns = [];
  let forms = new Map();
  let shown = false;
  let loading = false;
  let loadAgain = false;

  async function campaignLine(campaign) {
    const [performance, view, rounds] = await Promise.all([
      S.api('campaigns', `/api/campaigns/${campaign.id}/performance`),
      S.api('goals', `/api/view?campaignId=${campaign.id}`),
      S.api('feedback', `/api/feedback/rounds?campaignId=${campaign.id}&status=open`)]);
    const details = await Promise.all(rounds.items.map((round) => S.api('feedback', `/api/feedback/rounds/${round.id}`)));
    return { campaign, performance, view, waiting: details.filter((round) => round.summary.entriesByTeam.MARKETING === 0) };
  }

  async function load() {
    if (loading) { loadAgain = true; return; } // a change during a load is read by one more load after it
    loading = true;
    try {
      const query = new URLSearchParams({ marketingOwner: S.session.user, size: '200' });
      const mine = (await S.api('campaigns', '/api/campaigns?' + query)).items;
      campaigns = await Promise.all(mine.map(campaignLine));
      draw();
    } catch (error) {
      say(`${t('failed')}: ${error.message}`, true);
    } finally {
      loading = false;
    }
    if (loadAgain) {
      loadAgain = false;
      load();
    }
  }

  const refreshSoon = S.throttled(load, REFRESH_MS);

  function draw(anew) {
    $('#my-campaigns tbody').replaceChildren(...campaigns.map(({ campaign, performance, view }) => {
      const money = (value) => format.money(value, performance.currency);
      const reasons = view.feedback.topRejectionReasons;
      return element('tr', { 'data-campaign': campaign.id },
        element('td', {}, campaign.name),
        element('td', {}, t(campaign.status)),
        element('td', { class: 'leads' }, format.count(performance.leads)),
        element('td', {}, format.ratio(performance.mqlToSqlRate)),
        element('td', {}, format.decimal(view.feedback.avgLeadQuality, 2)),
        element('td', { class: 'reasons' }, reasons.length === 0 ? t('none')
          : reasons.map((r) => `${t(r.reason)} (${format.count(r.count)})`).join(', ')),
        element('td', { class: 'conflicts' }, format.count(view.conflicts)),
        element('td', { class: 'spend' }, money(performance.spend)),
        element('td', {}, money(performance.revenue)),
        element('td', {}, format.ratio(performance.roi)));
    }));
    $('#my-campaigns').hidden = campaigns.length === 0;
    $('#my-campaigns-empty').hidden = campaigns.length > 0;

    // a round's form is kept while the round waits, so a reload never loses what the marketer is typing
    const waiting = campaigns.flatMap(({ campaign, waiting: rounds }) => rounds.map((round) => ({ campaign, round })));
    const kept = anew ? new Map() : forms;
    forms = new Map(waiting.map((line) => [line.round.id, kept.get(line.round.id) || roundForm(line)]));
    $('#waiting-rounds').replaceChildren(...(waiting.length === 0 ? [element('p', { class: 'small' }, t('noRounds'))]
      : forms.values()));
  }

  function roundForm({ campaign, round }) {
    const comment = element('textarea', { rows: '2', maxlength: '4000', required: '', 'aria-label': t('comment'),
      placeholder: t('comment') });
    const actions = element('textarea', { rows: '2', 'aria-label': t('actionsPlanned'), placeholder: t('actionsPlanned') });
    const form = element('form', { class: 'round', 'data-round': round.id },
      element('div', { class: 'head' }, element('b', {}, campaign.name),
        element('span', { class: 'small' }, `${t('openedAt')} ${format.time(round.openedAt)} · ${t('salesEntries')} `
          + `${format.count(round.summary.entriesByTeam.SALES)} · ${t('leadQuality')} `
          + `${format.decimal(round.summary.avgLeadQuality, 2)}`)),
      comment, actions, element('button', { type: 'submit', class: 'primary' }, t('submitEntry')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = { comment: comment.value.trim(),
        actions: actions.value.split('\n').map((line) => line.trim()).filter((line) => line) };
      try {
        await S.api('feedback', `/api/feedback/rounds/${round.id}/entries`, { method: 'POST', body });
        say(`${t('entrySent')}: ${campaign.name}`, false);
      } catch (error) {
        say(`${t('failed')}: ${error.message}`, true);
      }
      forms.delete(round.id);
      load();
    });
    return form;
  }

  function say(message, isError) {
    S.flash('#my-campaigns-message', message, isError);
  }

  S.pages['my-campaigns'] = {
    show() {
      shown = true;
      load();
    },
    changed() {
      refreshSoon();
    },
    redraw() {
      if (shown) draw(true);
    }
  };
})();
