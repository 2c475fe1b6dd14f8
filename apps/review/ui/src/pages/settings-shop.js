// Settings: what the desk keeps per shop — the send delay (the time to undo an approval), business hours and SLA
// targets (minutes of business time per priority). Leads see them; admins change them.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from '../api.js';
import { addMessages } from '../i18n.js';
import { problemOf } from './settings-common.js';

const html = htm.bind(h);
const DAYS = ['1', '2', '3', '4', '5', '6', '7'];
const PRIORITIES = ['urgent', 'high', 'normal', 'low'];

addMessages({
  en: {
    shopSettings: 'Send delay, business hours and SLA',
    sendDelay: 'Send delay in seconds (time to undo an approval)',
    sendDelayDefault: 'Leave empty for the desk default',
    timezone: 'Time zone',
    businessHours: 'Business hours',
    openOn: 'Open on',
    opensAt: 'opens at',
    closesAt: 'closes at',
    slaTargets: 'SLA targets in minutes of business time',
    slaNote: 'New due times follow these targets; items already in the queue keep theirs.',
    firstResponse: 'First response',
    nextResponse: 'Next response',
    prio_urgent: 'Urgent',
    prio_high: 'High',
    prio_normal: 'Normal',
    prio_low: 'Low',
    seconds: 's',
  },
  nl: {
    shopSettings: 'Verzendvertraging, openingstijden en SLA',
    sendDelay: 'Verzendvertraging in seconden (tijd om een goedkeuring ongedaan te maken)',
    sendDelayDefault: 'Leeg laten voor de standaard van de desk',
    timezone: 'Tijdzone',
    businessHours: 'Openingstijden',
    openOn: 'Open op',
    opensAt: 'opent om',
    closesAt: 'sluit om',
    slaTargets: 'SLA-doelen in minuten binnen openingstijden',
    slaNote: 'Nieuwe deadlines volgen deze doelen; items die al in de wachtrij staan houden de hunne.',
    firstResponse: 'Eerste antwoord',
    nextResponse: 'Volgend antwoord',
    prio_urgent: 'Spoed',
    prio_high: 'Hoog',
    prio_normal: 'Normaal',
    prio_low: 'Laag',
    seconds: 's',
  },
});

/** ISO weekday 1 (Monday) … 7 in words, in the agent's language. */
function weekday(day, locale) {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, Number(day))),
  );
}

function HoursRow({ t, day, span, onChange }) {
  const name = weekday(day, t.locale);
  const [open, close] = span ?? ['09:00', '17:30'];
  return html`<div class="hours-row">
    <label class="choice" for=${`day-${day}`}>
      <input
        id=${`day-${day}`}
        type="checkbox"
        checked=${!!span}
        onChange=${(e) => onChange(e.target.checked ? [open, close] : undefined)}
      />
      ${name}
    </label>
    <label class="sr-only" for=${`day-${day}-open`}>${name} ${t('opensAt')}</label>
    <input
      id=${`day-${day}-open`}
      type="time"
      value=${open}
      disabled=${!span}
      onInput=${(e) => onChange([e.target.value, close])}
    />
    <span aria-hidden="true">–</span>
    <label class="sr-only" for=${`day-${day}-close`}>${name} ${t('closesAt')}</label>
    <input
      id=${`day-${day}-close`}
      type="time"
      value=${close}
      disabled=${!span}
      onInput=${(e) => onChange([open, e.target.value])}
    />
  </div>`;
}

export function ShopSettings({ t, role, setNotice }) {
  const [shop, setShop] = useState(null);
  const [delay, setDelay] = useState('');
  const isAdmin = role === 'admin';
  const show = (s) => {
    setShop(s);
    setDelay(s.sendDelaySeconds === null ? '' : String(s.sendDelaySeconds));
  };
  useEffect(() => {
    api('/v1/shop/settings')
      .then(show)
      .catch((e) => setNotice(problemOf(e)));
  }, []);
  if (!shop) return null;
  const setDay = (day, span) => {
    const days = { ...shop.businessHours.days };
    if (span) days[day] = span;
    else delete days[day];
    setShop({ ...shop, businessHours: { ...shop.businessHours, days } });
  };
  const setTarget = (kind, priority, value) =>
    setShop({ ...shop, sla: { ...shop.sla, [kind]: { ...shop.sla[kind], [priority]: Number(value) } } });
  const save = async (ev) => {
    ev.preventDefault();
    try {
      show(
        await api('/v1/shop/settings', {
          method: 'PATCH',
          body: {
            sendDelaySeconds: delay.trim() === '' ? null : Number(delay),
            businessHours: shop.businessHours,
            sla: shop.sla,
          },
        }),
      );
      setNotice(t('saved'));
    } catch (e) {
      setNotice(problemOf(e));
    }
  };
  return html`<section class="settings-section" aria-labelledby="settings-shop">
    <h3 id="settings-shop">${t('shopSettings')}</h3>
    ${isAdmin ? null : html`<p class="hint">${t('adminsOnly')}</p>`}
    <form class="settings-form" onSubmit=${save}>
      <fieldset disabled=${!isAdmin}>
        <label for="send-delay">${t('sendDelay')}</label>
        <input
          id="send-delay"
          type="number"
          min="0"
          max="600"
          step="1"
          value=${delay}
          aria-describedby="send-delay-hint"
          onInput=${(e) => setDelay(e.target.value)}
        />
        <p class="hint" id="send-delay-hint">
          ${t('sendDelayDefault')} (${shop.defaultSendDelaySeconds} ${t('seconds')})
        </p>
      </fieldset>
      <fieldset disabled=${!isAdmin}>
        <legend>${t('businessHours')}</legend>
        <label for="timezone">${t('timezone')}</label>
        <input
          id="timezone"
          value=${shop.businessHours.timezone}
          required
          onInput=${(e) => setShop({ ...shop, businessHours: { ...shop.businessHours, timezone: e.target.value } })}
        />
        ${DAYS.map(
          (d) =>
            html`<${HoursRow}
              key=${d}
              t=${t}
              day=${d}
              span=${shop.businessHours.days[d]}
              onChange=${(s) => setDay(d, s)}
            />`,
        )}
      </fieldset>
      <fieldset disabled=${!isAdmin}>
        <legend>${t('slaTargets')}</legend>
        <p class="hint">${t('slaNote')}</p>
        <table class="sla-table">
          <thead>
            <tr>
              <td></td>
              <th scope="col">${t('firstResponse')}</th>
              <th scope="col">${t('nextResponse')}</th>
            </tr>
          </thead>
          <tbody>
            ${PRIORITIES.map(
              (p) =>
                html`<tr key=${p}>
                  <th scope="row">${t(`prio_${p}`)}</th>
                  ${['firstResponse', 'nextResponse'].map(
                    (kind) =>
                      html`<td>
                        <label class="sr-only" for=${`sla-${kind}-${p}`}>${t(kind)}, ${t(`prio_${p}`)}</label>
                        <input
                          id=${`sla-${kind}-${p}`}
                          type="number"
                          min="1"
                          max="43200"
                          step="1"
                          required
                          value=${shop.sla[kind][p]}
                          onInput=${(e) => setTarget(kind, p, e.target.value)}
                        />
                      </td>`,
                  )}
                </tr>`,
            )}
          </tbody>
        </table>
      </fieldset>
      ${isAdmin ? html`<div class="settings-buttons"><button type="submit">${t('save')}</button></div>` : null}
    </form>
  </section>`;
}
