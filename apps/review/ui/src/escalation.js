import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { addMessages } from './i18n.js';

const html = htm.bind(h);

addMessages({
  en: {
    escalatedOnly: "Lead's queue (escalated)",
    escalationReason: 'Escalated because',
    noEscalationReason: 'no reason given',
    handBack: 'Hand back',
    handBackTitle: 'Hand back to the agents',
    handBackNote: 'Note for the agent (optional)',
    handedBack: 'Handed back to the agents',
    notificationsOn: 'Turn on notifications',
    newEscalations: (n) => `${n} draft${n === 1 ? '' : 's'} escalated to a lead`,
    newBreaches: (n) => `${n} draft${n === 1 ? '' : 's'} past the SLA`,
  },
  nl: {
    escalatedOnly: 'Wachtrij van de teamleider (geëscaleerd)',
    escalationReason: 'Geëscaleerd omdat',
    noEscalationReason: 'geen reden opgegeven',
    handBack: 'Teruggeven',
    handBackTitle: 'Teruggeven aan de medewerkers',
    handBackNote: 'Notitie voor de medewerker (optioneel)',
    handedBack: 'Teruggegeven aan de medewerkers',
    notificationsOn: 'Meldingen aanzetten',
    newEscalations: (n) => `${n} concept${n === 1 ? '' : 'en'} geëscaleerd naar een teamleider`,
    newBreaches: (n) => `${n} concept${n === 1 ? '' : 'en'} over de SLA-termijn`,
  },
});

/** Whether the signed-in user leads the shop of this item (and so decides escalated drafts and hands them back). */
export const leads = (me, shopId) =>
  (me?.memberships ?? []).some((m) => m.shopId === shopId && (m.role === 'lead' || m.role === 'admin'));

/** Why the draft was escalated; for a lead, the form that hands it back to the agents with a note. */
export function EscalationPanel({ item, t, canHandBack, onHandBack }) {
  const [open, setOpen] = useState(false);
  if (!item.escalated) return null;
  const submit = (ev) => {
    ev.preventDefault();
    const note = String(new FormData(ev.target).get('note') ?? '').trim();
    setOpen(false);
    onHandBack(note ? { note } : {});
  };
  return html`<section class="escalation" aria-labelledby="escalation-title">
    <h3 id="escalation-title">${t('escalated')}</h3>
    <p>${t('escalationReason')}: ${item.escalationReason || t('noEscalationReason')}</p>
    ${
      canHandBack && !open ? html`<button type="button" onClick=${() => setOpen(true)}>${t('handBack')}</button>` : null
    }
    ${
      open
        ? html`<form onSubmit=${submit} aria-label=${t('handBackTitle')}>
            <label for="hand-back-note">${t('handBackNote')}</label>
            <textarea id="hand-back-note" name="note" rows="3"></textarea>
            <button type="submit">${t('handBack')}</button>
            <button type="button" onClick=${() => setOpen(false)}>${t('cancel')}</button>
          </form>`
        : null
    }
  </section>`;
}

const BASE_TITLE = document.title;

/**
 * Keeps the agent aware while the tab is in the background: the tab title carries the number of drafts waiting,
 * and a browser notification (once allowed) tells of newly escalated drafts and drafts past their SLA.
 */
export function useDeskAlerts(counts, t) {
  const seen = useRef(null);
  const [permission, setPermission] = useState(
    typeof Notification === 'undefined' ? 'denied' : Notification.permission,
  );
  useEffect(() => {
    if (!counts) return;
    document.title = counts.total > 0 ? `(${counts.total}) ${BASE_TITLE}` : BASE_TITLE;
    const before = seen.current;
    seen.current = { escalated: counts.escalated ?? 0, breached: counts.breached ?? 0 };
    if (!before || permission !== 'granted' || document.visibilityState === 'visible') return;
    const escalated = seen.current.escalated - before.escalated;
    const breached = seen.current.breached - before.breached;
    if (escalated > 0) new Notification('draftdesk', { body: t('newEscalations')(escalated), tag: 'escalations' });
    if (breached > 0) new Notification('draftdesk', { body: t('newBreaches')(breached), tag: 'sla' });
  }, [counts]);
  const ask = async () => setPermission(await Notification.requestPermission());
  return { canAsk: permission === 'default', ask };
}
