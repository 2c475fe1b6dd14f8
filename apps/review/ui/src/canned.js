// Canned replies in the draft editor: a picker (button or `c`) that searches the shop's canned replies, has the
// server fill in the placeholders for this draft, and puts the text where the cursor stands in the editor.
import { h } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from './api.js';
import { addMessages } from './i18n.js';

const html = htm.bind(h);

addMessages({
  en: {
    cannedInsert: 'Insert canned reply',
    cannedKey: 'Insert a canned reply',
    cannedSearch: 'Search canned replies',
    cannedAllLanguages: 'All languages',
    cannedNone: 'No canned reply matches.',
    cannedLoading: 'Loading…',
    cannedInserted: 'Inserted',
    cannedFillIn: 'Still to fill in',
    placeholder_customer_name: "customer's name",
    placeholder_order_number: 'order number',
    placeholder_order_status: 'order status',
    placeholder_order_tracking_url: 'tracking link',
    placeholder_agent_name: 'your name',
  },
  nl: {
    cannedInsert: 'Standaardantwoord invoegen',
    cannedKey: 'Een standaardantwoord invoegen',
    cannedSearch: 'Standaardantwoorden zoeken',
    cannedAllLanguages: 'Alle talen',
    cannedNone: 'Geen standaardantwoord gevonden.',
    cannedLoading: 'Laden…',
    cannedInserted: 'Ingevoegd',
    cannedFillIn: 'Nog in te vullen',
    placeholder_customer_name: 'naam van de klant',
    placeholder_order_number: 'bestelnummer',
    placeholder_order_status: 'status van de bestelling',
    placeholder_order_tracking_url: 'track & trace-link',
    placeholder_agent_name: 'je naam',
  },
});

/** A placeholder (`order.tracking_url`) in words. */
export const placeholderInWords = (name, t) => t(`placeholder_${name.replace('.', '_')}`);

/** A language code in words, in the agent's language (Intl knows both). */
export function languageInWords(code, locale) {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Puts `text` over the editor's selection (or at its cursor) and leaves the cursor after it. */
function insertAtCursor(editor, body, setBody, text) {
  const start = editor?.selectionStart ?? body.length;
  const end = editor?.selectionEnd ?? start;
  setBody(body.slice(0, start) + text + body.slice(end));
  // After Preact has written the new value, which moves the cursor to the end.
  requestAnimationFrame(() => {
    if (!editor) return;
    editor.focus();
    editor.setSelectionRange(start + text.length, start + text.length);
  });
}

function CannedDialog({ t, item, onChoose, onClose }) {
  const search = useRef();
  const list = useRef();
  const [q, setQ] = useState('');
  const [allLanguages, setAllLanguages] = useState(false);
  const [replies, setReplies] = useState(null);
  useLayoutEffect(() => search.current?.focus(), []);
  useEffect(() => {
    const query = new URLSearchParams();
    if (q.trim()) query.set('q', q.trim());
    if (!allLanguages && item.language) query.set('language', item.language);
    let current = true;
    api(`/v1/canned-replies?${query}`)
      .then((res) => current && setReplies(res.items))
      .catch(() => current && setReplies([]));
    return () => {
      current = false;
    };
  }, [q, allLanguages]);
  // Keys stay in the dialog: a letter typed here is never a desk shortcut. Arrows move through the list.
  const onKeyDown = (ev) => {
    ev.stopPropagation();
    if (ev.key === 'Escape') return onClose();
    if (ev.key !== 'ArrowDown' && ev.key !== 'ArrowUp') return;
    const options = [...(list.current?.querySelectorAll('button') ?? [])];
    if (!options.length) return;
    ev.preventDefault();
    const at = options.indexOf(document.activeElement);
    const next = ev.key === 'ArrowDown' ? Math.min(options.length - 1, at + 1) : Math.max(0, at - 1);
    options[at === -1 ? 0 : next].focus();
  };
  return html`<div class="dialog" role="dialog" aria-modal="true" aria-labelledby="canned-title" onKeyDown=${onKeyDown}>
    <form class="canned-dialog" onSubmit=${(ev) => ev.preventDefault()}>
      <h2 id="canned-title">${t('cannedInsert')}</h2>
      <label for="canned-search">${t('cannedSearch')}</label>
      <input id="canned-search" type="search" ref=${search} value=${q} onInput=${(e) => setQ(e.target.value)} />
      <label class="choice">
        <input type="checkbox" checked=${allLanguages} onChange=${(e) => setAllLanguages(e.target.checked)} />
        ${t('cannedAllLanguages')}
      </label>
      ${replies === null ? html`<p>${t('cannedLoading')}</p>` : null}
      ${replies?.length === 0 ? html`<p>${t('cannedNone')}</p>` : null}
      <ul class="canned-list" ref=${list}>
        ${(replies ?? []).map(
          (r) =>
            html`<li key=${r.id}>
              <button type="button" data-canned=${r.id} onClick=${() => onChoose(r)}>
                <strong>${r.title}</strong>
                <span class="meta">${languageInWords(r.language, t.locale)}</span>
                <span class="canned-excerpt">${r.body}</span>
              </button>
            </li>`,
        )}
      </ul>
      <button type="button" onClick=${onClose}>${t('cancel')}</button>
    </form>
  </div>`;
}

/**
 * The editor's "Insert canned reply" button and its dialog. The chosen reply is filled in by the server for this
 * draft; a placeholder it has no value for stays in the text, and the line under the button says which to fill in.
 */
export function CannedPicker({ t, item, editorRef, body, setBody }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const opener = useRef();
  const choose = async (reply) => {
    setOpen(false);
    try {
      const rendered = await api(`/v1/drafts/${item.draftId}/canned/${reply.id}/render`, { method: 'POST' });
      insertAtCursor(editorRef.current, body, setBody, rendered.text);
      setStatus(
        rendered.missing.length
          ? `${t('cannedFillIn')}: ${rendered.missing.map((m) => placeholderInWords(m, t)).join(', ')}`
          : `${t('cannedInserted')}: ${rendered.title}`,
      );
    } catch (e) {
      setStatus(e.message);
    }
  };
  return html`<div class="canned">
    <button type="button" id="canned-open" ref=${opener} aria-haspopup="dialog" onClick=${() => setOpen(true)}>
      ${t('cannedInsert')} <kbd>c</kbd>
    </button>
    <span class="hint" role="status" data-testid="canned-status">${status}</span>
    ${
      open
        ? html`<${CannedDialog}
            t=${t}
            item=${item}
            onChoose=${choose}
            onClose=${() => {
              setOpen(false);
              opener.current?.focus();
            }}
          />`
        : null
    }
  </div>`;
}
