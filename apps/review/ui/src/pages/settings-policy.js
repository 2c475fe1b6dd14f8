// Settings: the shop's policy — what may be sent without a person — as a form. A saved policy wins over the shop
// folder's policy.yaml and decides the next draft. Leads read it and preview a change on the last 100 drafted
// messages; admins save. The API checks the policy and names each bad field; the form shows the message beside it.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from '../api.js';
import { addMessages } from '../i18n.js';
import { DETAIL_LABELS, intentInWords, reasonInWords } from '../labels';
import { problemOf } from './settings-common.js';

const html = htm.bind(h);
const DAYS = [1, 2, 3, 4, 5, 6, 7];
const DECISIONS = ['auto_send', 'review', 'escalate', 'ignore'];

addMessages({
  en: {
    policy_title: 'Auto-send policy',
    policy_fromFile: 'In force: policy.yaml from the shop folder. Saving here puts this policy in its place.',
    policy_fromDesk: 'In force: version {version}, saved here by {by} on {at}. It wins over policy.yaml.',
    policy_enabled: 'Send replies without a person (the main switch)',
    policy_intents: 'Questions that may be answered without a person',
    policy_minConfidence: 'How sure triage must be (0 to 1)',
    policy_minDefault: 'For every question',
    policy_minFor: 'For “{intent}” (empty: as for every question)',
    policy_limits: 'Limits of what a draft may promise',
    policy_maxRefund: 'Highest refund',
    policy_maxDiscount: 'Highest discount in percent',
    policy_currency: 'Currency (ISO code such as EUR)',
    policy_escalateOn: 'Hand to a senior colleague when triage finds',
    policy_otherTriggers: 'Other triggers, separated by commas (such as urgency:urgent)',
    policy_hours: 'Send on its own only during business hours',
    policy_hoursOn: 'Only during business hours',
    policy_timezone: 'Time zone',
    policy_days: 'Days',
    policy_start: 'From',
    policy_end: 'Until',
    policy_preview: 'Preview',
    policy_previewTitle: 'What this policy would have decided',
    policy_summary:
      'Of the last {n} drafted messages, {toAuto} would have been sent without a person instead of reviewed, and {fromAuto} the other way round; {changed} in all would have been decided differently.',
    policy_noChanges: 'None of them would have been decided differently.',
    policy_message: 'Message',
    policy_then: 'Decided then',
    policy_candidate: 'With this policy',
    policy_decision_auto_send: 'sent without a person',
    policy_decision_review: 'reviewed by a person',
    policy_decision_escalate: 'handed to a senior colleague',
    policy_decision_ignore: 'ignored',
    policy_otherErrors: 'Not saved:',
  },
  nl: {
    policy_title: 'Beleid voor automatisch versturen',
    policy_fromFile: 'Van kracht: policy.yaml uit de winkelmap. Wie hier opslaat, zet dit beleid ervoor in de plaats.',
    policy_fromDesk: 'Van kracht: versie {version}, hier opgeslagen door {by} op {at}. Het gaat boven policy.yaml.',
    policy_enabled: 'Antwoorden zonder medewerker versturen (de hoofdschakelaar)',
    policy_intents: 'Vragen die zonder medewerker beantwoord mogen worden',
    policy_minConfidence: 'Hoe zeker de triage moet zijn (0 tot 1)',
    policy_minDefault: 'Voor elke vraag',
    policy_minFor: 'Voor ‘{intent}’ (leeg: zoals voor elke vraag)',
    policy_limits: 'Grenzen aan wat een concept mag beloven',
    policy_maxRefund: 'Hoogste terugbetaling',
    policy_maxDiscount: 'Hoogste korting in procenten',
    policy_currency: 'Valuta (ISO-code zoals EUR)',
    policy_escalateOn: 'Aan een ervaren collega geven als de triage dit vindt',
    policy_otherTriggers: 'Andere signalen, gescheiden door komma’s (zoals urgency:urgent)',
    policy_hours: 'Alleen binnen openingstijden zelf versturen',
    policy_hoursOn: 'Alleen binnen openingstijden',
    policy_timezone: 'Tijdzone',
    policy_days: 'Dagen',
    policy_start: 'Van',
    policy_end: 'Tot',
    policy_preview: 'Voorbeeld',
    policy_previewTitle: 'Wat dit beleid zou hebben besloten',
    policy_summary:
      'Van de laatste {n} berichten met een concept waren er {toAuto} zonder medewerker verstuurd in plaats van beoordeeld, en {fromAuto} andersom; in totaal {changed} anders besloten.',
    policy_noChanges: 'Geen ervan zou anders zijn besloten.',
    policy_message: 'Bericht',
    policy_then: 'Toen besloten',
    policy_candidate: 'Met dit beleid',
    policy_decision_auto_send: 'zonder medewerker verstuurd',
    policy_decision_review: 'beoordeeld door een medewerker',
    policy_decision_escalate: 'aan een ervaren collega gegeven',
    policy_decision_ignore: 'genegeerd',
    policy_otherErrors: 'Niet opgeslagen:',
  },
});

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ''));
const numberText = (n) => (n === undefined || n === null ? '' : String(n));
// An empty or unreadable number goes to the API as typed, so that its message names the field.
const asNumber = (text) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/** The form's fields from a policy as the API returns it. */
function formOf(policy, triggers) {
  const min = policy.autoSend.minConfidence;
  const perIntent = typeof min === 'object' ? { ...min } : {};
  const minDefault = typeof min === 'number' ? min : (perIntent.default ?? 0.9);
  delete perIntent.default;
  const hours = policy.businessHours;
  return {
    enabled: policy.autoSend.enabled,
    intents: [...policy.autoSend.intents],
    minDefault: numberText(minDefault),
    minPer: Object.fromEntries(Object.entries(perIntent).map(([k, v]) => [k, numberText(v)])),
    maxRefundAmount: numberText(policy.limits.maxRefundAmount),
    maxDiscountPercent: numberText(policy.limits.maxDiscountPercent),
    currency: policy.limits.currency,
    escalateOn: policy.escalateOn.filter((t) => triggers.includes(t)),
    otherTriggers: policy.escalateOn.filter((t) => !triggers.includes(t)).join(', '),
    hoursOn: !!hours,
    timezone: hours?.timezone ?? 'Europe/Amsterdam',
    days: hours ? hours.days.map((d) => (d === 0 ? 7 : d)) : [1, 2, 3, 4, 5],
    start: hours?.start ?? '09:00',
    end: hours?.end ?? '17:00',
  };
}

/** The policy the form stands for, in the schema of policy.yaml. */
function policyOf(form) {
  const overrides = Object.entries(form.minPer).filter(([, v]) => v.trim() !== '');
  const minConfidence = overrides.length
    ? Object.fromEntries([['default', asNumber(form.minDefault)], ...overrides.map(([k, v]) => [k, asNumber(v)])])
    : asNumber(form.minDefault);
  const others = form.otherTriggers
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    autoSend: { enabled: form.enabled, intents: form.intents, minConfidence },
    limits: {
      maxRefundAmount: asNumber(form.maxRefundAmount),
      maxDiscountPercent: asNumber(form.maxDiscountPercent),
      currency: form.currency.trim(),
    },
    escalateOn: [...form.escalateOn, ...others],
    ...(form.hoursOn
      ? { businessHours: { timezone: form.timezone.trim(), days: form.days, start: form.start, end: form.end } }
      : {}),
  };
}

/** The API's field errors, and which of them a field of the form shows. */
function fieldErrors(errors) {
  const shown = new Set();
  const of = (...prefixes) =>
    errors
      .filter((e) => prefixes.some((p) => e.field === p || e.field.startsWith(`${p}.`) || e.field.startsWith(`${p}[`)))
      .map((e) => (shown.add(e), `${e.field}: ${e.message}`));
  const exact = (...fields) => errors.filter((e) => fields.includes(e.field)).map((e) => (shown.add(e), e.message));
  return { of, exact, rest: () => errors.filter((e) => !shown.has(e)) };
}

function FieldError({ id, messages }) {
  return messages.length ? html`<p class="field-error" id=${id}>${messages.join('; ')}</p>` : null;
}

/** A checkbox with its words; `onChange` gets whether it is now checked. */
function Choice({ id, checked, onChange, children }) {
  return html`<label class="choice" for=${id}>
    <input id=${id} type="checkbox" checked=${checked} onChange=${(e) => onChange(e.target.checked)} />
    ${children}
  </label>`;
}

function NumberField({ id, label, value, onInput, messages, step = 'any' }) {
  const errorId = `${id}-error`;
  return html`<div class="policy-field">
    <label for=${id}>${label}</label>
    <input
      id=${id}
      type="number"
      step=${step}
      value=${value}
      aria-invalid=${messages.length ? 'true' : undefined}
      aria-describedby=${messages.length ? errorId : undefined}
      onInput=${(e) => onInput(e.target.value)}
    />
    <${FieldError} id=${errorId} messages=${messages} />
  </div>`;
}

function weekday(day, locale) {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
}

function PreviewResult({ t, preview }) {
  const locale = t.locale;
  const changed = preview.items.filter((i) => i.changed);
  const decision = (d) => t(`policy_decision_${DECISIONS.includes(d) ? d : 'review'}`);
  const when = (at) => new Date(at).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
  return html`<div class="policy-preview" data-testid="policy-preview" aria-live="polite">
    <h4>${t('policy_previewTitle')}</h4>
    <p data-testid="policy-summary">
      ${fill(t('policy_summary'), {
        n: preview.considered,
        toAuto: preview.summary.toAutoSend,
        fromAuto: preview.summary.fromAutoSend,
        changed: preview.summary.changed,
      })}
    </p>
    ${
      changed.length === 0
        ? html`<p>${t('policy_noChanges')}</p>`
        : html`<table class="policy-changes">
            <thead>
              <tr>
                <th scope="col">${t('policy_message')}</th>
                <th scope="col">${t('policy_then')}</th>
                <th scope="col">${t('policy_candidate')}</th>
              </tr>
            </thead>
            <tbody>
              ${changed.map(
                (i) =>
                  html`<tr key=${i.draftId}>
                    <td>
                      <span class="policy-subject">${i.subject}</span>
                      <span class="hint">${intentInWords(i.intent, locale)} · ${when(i.receivedAt)}</span>
                    </td>
                    <td>${decision(i.then.decision)}</td>
                    <td>
                      <strong>${decision(i.candidate.decision)}</strong>
                      <span class="hint">${i.candidate.reasons.map((r) => reasonInWords(r, locale)).join('; ')}</span>
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </div>`;
}

export function PolicySettings({ t, role, setNotice }) {
  const [view, setView] = useState(null);
  const [form, setForm] = useState(null);
  const [errors, setErrors] = useState([]);
  const [preview, setPreview] = useState(null);
  const isAdmin = role === 'admin';
  const show = (v) => {
    setView(v);
    setForm(formOf(v.policy, v.escalationTriggers));
  };
  useEffect(() => {
    api('/v1/shop/policy')
      .then(show)
      .catch((e) => setNotice(problemOf(e)));
  }, []);
  if (!view || !form) return null;
  const locale = t.locale;
  const set = (change) => {
    setForm({ ...form, ...change });
    setPreview(null);
  };
  const toggle = (list, value, on) =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
  const send = async (path, method) => {
    try {
      const result = await api(path, { method, body: policyOf(form) });
      setErrors([]);
      setNotice(null);
      return result;
    } catch (e) {
      setErrors(e?.body?.errors ?? []);
      setNotice(problemOf(e));
      return null;
    }
  };
  const runPreview = async () => {
    const result = await send('/v1/shop/policy/preview', 'POST');
    if (result) setPreview(result);
  };
  const save = async (ev) => {
    ev.preventDefault();
    const saved = await send('/v1/shop/policy', 'PUT');
    if (saved) {
      show(saved);
      setNotice(t('saved'));
    }
  };
  const err = fieldErrors(errors);
  const minDefaultErrors = [...err.exact('autoSend.minConfidence', 'autoSend.minConfidence.default')];
  const intentsErrors = err.of('autoSend.intents');
  const escalateErrors = err.of('escalateOn');
  const hoursErrors = err.of('businessHours');
  const limitErrors = (f) => err.exact(`limits.${f}`);
  const source =
    view.source === 'desk'
      ? fill(t('policy_fromDesk'), {
          version: view.version,
          by: view.savedBy,
          at: new Date(view.savedAt).toLocaleString(locale),
        })
      : t('policy_fromFile');
  const triggerLabel = (trigger) => DETAIL_LABELS[locale === 'nl' ? 'nl' : 'en'][trigger] ?? trigger;

  const body = html`
    <fieldset disabled=${!isAdmin}>
      <${Choice}
        id="policy-enabled"
        checked=${form.enabled}
        onChange=${(on) => set({ enabled: on })}
      >
        ${t('policy_enabled')}
      </${Choice}>
    </fieldset>
    <fieldset disabled=${!isAdmin}>
      <legend>${t('policy_intents')}</legend>
      <div class="policy-choices">
        ${view.intents.map(
          (intent) =>
            html`<${Choice}
                key=${intent}
                id=${`policy-intent-${intent}`}
                checked=${form.intents.includes(intent)}
                onChange=${(on) => set({ intents: toggle(form.intents, intent, on) })}
              >
                ${intentInWords(intent, locale)}
              </${Choice}>`,
        )}
      </div>
      <${FieldError} id="policy-intents-error" messages=${intentsErrors} />
    </fieldset>
    <fieldset disabled=${!isAdmin}>
      <legend>${t('policy_minConfidence')}</legend>
      <${NumberField}
        id="policy-min-default"
        label=${t('policy_minDefault')}
        value=${form.minDefault}
        messages=${minDefaultErrors}
        onInput=${(v) => set({ minDefault: v })}
      />
      ${form.intents.map(
        (intent) =>
          html`<${NumberField}
            key=${intent}
            id=${`policy-min-${intent}`}
            label=${fill(t('policy_minFor'), { intent: intentInWords(intent, locale) })}
            value=${form.minPer[intent] ?? ''}
            messages=${err.exact(`autoSend.minConfidence.${intent}`)}
            onInput=${(v) => set({ minPer: { ...form.minPer, [intent]: v } })}
          />`,
      )}
    </fieldset>
    <fieldset disabled=${!isAdmin}>
      <legend>${t('policy_limits')}</legend>
      <${NumberField}
        id="policy-max-refund"
        label=${`${t('policy_maxRefund')} (${form.currency})`}
        value=${form.maxRefundAmount}
        messages=${limitErrors('maxRefundAmount')}
        onInput=${(v) => set({ maxRefundAmount: v })}
      />
      <${NumberField}
        id="policy-max-discount"
        label=${t('policy_maxDiscount')}
        value=${form.maxDiscountPercent}
        messages=${limitErrors('maxDiscountPercent')}
        onInput=${(v) => set({ maxDiscountPercent: v })}
      />
      <div class="policy-field">
        <label for="policy-currency">${t('policy_currency')}</label>
        <input
          id="policy-currency"
          value=${form.currency}
          maxlength="3"
          aria-invalid=${limitErrors('currency').length ? 'true' : undefined}
          aria-describedby=${limitErrors('currency').length ? 'policy-currency-error' : undefined}
          onInput=${(e) => set({ currency: e.target.value })}
        />
        <${FieldError} id="policy-currency-error" messages=${limitErrors('currency')} />
      </div>
    </fieldset>
    <fieldset disabled=${!isAdmin}>
      <legend>${t('policy_escalateOn')}</legend>
      <div class="policy-choices">
        ${view.escalationTriggers.map(
          (trigger) =>
            html`<${Choice}
                key=${trigger}
                id=${`policy-escalate-${trigger}`}
                checked=${form.escalateOn.includes(trigger)}
                onChange=${(on) => set({ escalateOn: toggle(form.escalateOn, trigger, on) })}
              >
                ${triggerLabel(trigger)}
              </${Choice}>`,
        )}
      </div>
      <label for="policy-other-triggers">${t('policy_otherTriggers')}</label>
      <input
        id="policy-other-triggers"
        value=${form.otherTriggers}
        aria-describedby=${escalateErrors.length ? 'policy-escalate-error' : undefined}
        onInput=${(e) => set({ otherTriggers: e.target.value })}
      />
      <${FieldError} id="policy-escalate-error" messages=${escalateErrors} />
    </fieldset>
    <fieldset disabled=${!isAdmin}>
      <legend>${t('policy_hours')}</legend>
      <${Choice}
        id="policy-hours-on"
        checked=${form.hoursOn}
        onChange=${(on) => set({ hoursOn: on })}
      >
        ${t('policy_hoursOn')}
      </${Choice}>
      ${
        form.hoursOn
          ? html`<label for="policy-timezone">${t('policy_timezone')}</label>
              <input id="policy-timezone" value=${form.timezone} onInput=${(e) => set({ timezone: e.target.value })} />
              <div class="policy-choices" role="group" aria-label=${t('policy_days')}>
                ${DAYS.map(
                  (d) =>
                    html`<${Choice}
                        key=${d}
                        id=${`policy-day-${d}`}
                        checked=${form.days.includes(d)}
                        onChange=${(on) => set({ days: toggle(form.days, d, on).sort() })}
                      >
                        ${weekday(d, locale)}
                      </${Choice}>`,
                )}
              </div>
              <div class="hours-row">
                <label for="policy-start">${t('policy_start')}</label>
                <input
                  id="policy-start"
                  type="time"
                  value=${form.start}
                  onInput=${(e) => set({ start: e.target.value })}
                />
                <label for="policy-end">${t('policy_end')}</label>
                <input id="policy-end" type="time" value=${form.end} onInput=${(e) => set({ end: e.target.value })} />
              </div>`
          : null
      }
      <${FieldError} id="policy-hours-error" messages=${hoursErrors} />
    </fieldset>
  `;
  const rest = err.rest();
  return html`<section class="settings-section" aria-labelledby="settings-policy" data-testid="policy">
    <h3 id="settings-policy">${t('policy_title')}</h3>
    <p class="hint" data-testid="policy-source">${source}</p>
    ${isAdmin ? null : html`<p class="hint">${t('adminsOnly')}</p>`}
    <form class="settings-form" novalidate onSubmit=${save}>
      ${body}
      ${
        rest.length
          ? html`<p class="field-error">
              ${t('policy_otherErrors')} ${rest.map((e) => `${e.field}: ${e.message}`).join('; ')}
            </p>`
          : null
      }
      <div class="settings-buttons">
        <button type="button" onClick=${runPreview}>${t('policy_preview')}</button>
        ${isAdmin ? html`<button type="submit">${t('save')}</button>` : null}
      </div>
    </form>
    ${preview ? html`<${PreviewResult} t=${t} preview=${preview} />` : null}
  </section>`;
}
