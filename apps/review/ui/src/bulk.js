// Bulk actions on a selection (the inbox's conversations, the queue's drafts): the selection, the bar that says how
// many are selected with what can be done to them, the dialog that says what will happen before anything is sent,
// and the summary of what was done and what was refused, in words.
import { h } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { onEscape } from './dialog.js';
import { addMessages } from './i18n.js';

const html = htm.bind(h);

/** The words of `key` with `{n}` (or `{what}`) filled in; for one, the words of `<key>_one` where there are some. */
export function say(t, key, value) {
  const one = value === 1 && t(`${key}_one`) !== `${key}_one`;
  return t(one ? `${key}_one` : key).replace(/\{(n|what)\}/, String(value));
}

addMessages({
  en: {
    bulkSelected: '{n} selected',
    bulkSelection: 'Selection',
    bulkClear: 'Clear selection',
    bulkSelectRow: 'Select {what}',
    bulkSelectAll: 'Select all shown',
    bulkCancel: 'Cancel',
    bulkResultTitle: 'Result',
    bulkDone: '{n} done',
    bulkFailed: '{n} failed',
    bulkDismiss: 'Dismiss',
    bulkSelectKey: 'Select the row (inbox)',
    bulkError_CONVERSATION_NOT_FOUND: 'it no longer exists or belongs to another shop',
    bulkError_LEAD_REQUIRED: 'only a lead may give conversations to someone else',
    bulkError_DRAFT_NOT_FOUND: 'it no longer exists or belongs to another shop',
    bulkError_DRAFT_NOT_PENDING: 'it was already decided',
    bulkError_DRAFT_SUPERSEDED: 'the customer wrote again; review the newer draft',
    bulkError_DRAFT_VERSION_CONFLICT: 'it changed since the list was loaded',
    bulkError_DRAFT_CLAIMED: 'another agent is working on it',
    bulkError_DRAFT_HAS_NO_TEXT: 'the draft has no text; write the reply first',
    bulkError_DRAFT_HAS_PLACEHOLDERS: 'the draft still holds a placeholder to fill in',
    bulkError_ESCALATED_TO_LEAD: 'it is escalated: a lead decides it',
    bulkError_INTERNAL_ERROR: 'something went wrong; try again',
  },
  nl: {
    bulkSelected: '{n} geselecteerd',
    bulkSelection: 'Selectie',
    bulkClear: 'Selectie wissen',
    bulkSelectRow: '{what} selecteren',
    bulkSelectAll: 'Alle getoonde selecteren',
    bulkCancel: 'Annuleren',
    bulkResultTitle: 'Resultaat',
    bulkDone: '{n} gelukt',
    bulkFailed: '{n} mislukt',
    bulkDismiss: 'Sluiten',
    bulkSelectKey: 'De rij selecteren (inbox)',
    bulkError_CONVERSATION_NOT_FOUND: 'het bestaat niet meer of hoort bij een andere winkel',
    bulkError_LEAD_REQUIRED: 'alleen een teamleider mag gesprekken aan een ander geven',
    bulkError_DRAFT_NOT_FOUND: 'het bestaat niet meer of hoort bij een andere winkel',
    bulkError_DRAFT_NOT_PENDING: 'er is al over beslist',
    bulkError_DRAFT_SUPERSEDED: 'de klant schreef opnieuw; beoordeel het nieuwere concept',
    bulkError_DRAFT_VERSION_CONFLICT: 'het is gewijzigd sinds de lijst werd geladen',
    bulkError_DRAFT_CLAIMED: 'een andere medewerker is ermee bezig',
    bulkError_DRAFT_HAS_NO_TEXT: 'het concept heeft geen tekst; schrijf eerst het antwoord',
    bulkError_DRAFT_HAS_PLACEHOLDERS: 'het concept bevat nog een invulveld',
    bulkError_ESCALATED_TO_LEAD: 'het is geëscaleerd: een teamleider beslist',
    bulkError_INTERNAL_ERROR: 'er ging iets mis; probeer het opnieuw',
  },
});

/** The ids selected, in the order they were picked. */
export function useSelection() {
  const [ids, setIds] = useState([]);
  return {
    ids,
    has: (id) => ids.includes(id),
    toggle: (id) => setIds((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id])),
    setAll: (all, on) => setIds((now) => (on ? [...new Set([...now, ...all])] : now.filter((x) => !all.includes(x)))),
    clear: () => setIds([]),
    /** Keeps only the ids still listed (after a reload). */
    keep: (listed) => setIds((now) => now.filter((x) => listed.includes(x))),
  };
}

/** The checkbox that selects one row; labelled with what the row is, so a screen reader says which. */
export function RowCheckbox({ t, id, what, selection }) {
  return html`<input
    type="checkbox"
    class="bulk-check"
    data-select=${id}
    aria-label=${say(t, 'bulkSelectRow', what)}
    checked=${selection.has(id)}
    onChange=${() => selection.toggle(id)}
  />`;
}

/** "3 selected" with the actions the selection allows (each opens its confirmation) and Clear. */
export function SelectionBar({ t, selection, actions }) {
  if (selection.ids.length === 0) return null;
  return html`<div class="selection-bar" role="region" aria-label=${t('bulkSelection')}>
    <strong aria-live="polite">${say(t, 'bulkSelected', selection.ids.length)}</strong>
    ${actions.map(
      ([label, onClick]) => html`<button type="button" aria-haspopup="dialog" onClick=${onClick}>${label}…</button>`,
    )}
    <button type="button" onClick=${selection.clear}>${t('bulkClear')}</button>
  </div>`;
}

/**
 * Says what will happen to how many before anything is sent; `children` are the action's choices (a reason, an
 * assignee). Confirm submits, Escape or Cancel closes it without doing anything.
 */
export function ConfirmDialog({ t, id, title, summary, confirm, onConfirm, onCancel, children }) {
  const first = useRef();
  const [busy, setBusy] = useState(false);
  useLayoutEffect(() => first.current?.querySelector('select, input, button')?.focus(), []);
  return html`<div
    class="dialog"
    role="dialog"
    aria-modal="true"
    aria-labelledby=${`${id}-title`}
    aria-describedby=${`${id}-summary`}
    onKeyDown=${onEscape(onCancel)}
  >
    <form
      ref=${first}
      onSubmit=${async (ev) => {
        ev.preventDefault();
        setBusy(true);
        await onConfirm(new FormData(ev.target));
      }}
    >
      <h2 id=${`${id}-title`}>${title}</h2>
      <p id=${`${id}-summary`}>${summary}</p>
      ${children}
      <button type="submit" disabled=${busy}>${confirm}</button>
      <button type="button" onClick=${onCancel}>${t('bulkCancel')}</button>
    </form>
  </div>`;
}

/** What a bulk request came to: how many were done, how many failed and why, each named by `nameOf(id)`. */
export function BulkResult({ t, result, nameOf, onDismiss }) {
  if (!result) return null;
  const failures = result.results.filter((r) => !r.ok);
  const why = (r) => {
    const words = t(`bulkError_${r.code}`);
    return words === `bulkError_${r.code}` ? r.message : words;
  };
  return html`<section class="bulk-result" role="status" aria-labelledby="bulk-result-title">
    <h3 id="bulk-result-title">${t('bulkResultTitle')}</h3>
    <p>${say(t, 'bulkDone', result.done)}${failures.length ? html`, ${say(t, 'bulkFailed', result.failed)}:` : null}</p>
    ${
      failures.length
        ? html`<ul>
            ${failures.map((r) => html`<li key=${r.id}><strong>${nameOf(r.id)}</strong>: ${why(r)}</li>`)}
          </ul>`
        : null
    }
    <button type="button" onClick=${onDismiss}>${t('bulkDismiss')}</button>
  </section>`;
}
