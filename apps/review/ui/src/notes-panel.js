// Internal notes on a draft, and the form that adds one: typing @ suggests colleagues of the shop, and whoever a
// note mentions finds it among their mentions.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from './api.js';
import { addMessages } from './i18n.js';

const html = htm.bind(h);

addMessages({
  en: {
    noteLabel: 'New internal note (type @ to mention a colleague)',
    noteAdd: 'Add note',
    noteAdded: 'Note added',
    noteSuggestions: 'Colleagues to mention',
    noteMentions: 'mentions',
    noteNone: 'No notes yet',
  },
  nl: {
    noteLabel: 'Nieuwe interne notitie (typ @ om een collega te noemen)',
    noteAdd: 'Notitie toevoegen',
    noteAdded: 'Notitie toegevoegd',
    noteSuggestions: 'Collega’s om te noemen',
    noteMentions: 'noemt',
    noteNone: 'Nog geen notities',
  },
});

/** How a colleague is written after the @: their name without spaces, else the part of the email before the @. */
export const handleOf = (c) => (c.name?.trim() ? c.name.trim().replace(/\s+/g, '') : c.email.split('@')[0]);

/** The `@partial` word the caret is in, if any: where it starts and what was typed after the @. */
function mentionAt(text, caret) {
  const m = /(^|\s)@([^\s@]*)$/.exec(text.slice(0, caret));
  return m ? { start: caret - m[2].length - 1, query: m[2].toLowerCase() } : null;
}

let colleaguesOnce = null;
const colleagues = () =>
  (colleaguesOnce ??= api('/v1/colleagues')
    .then((r) => r.items)
    .catch(() => ((colleaguesOnce = null), [])));

export function NotesPanel({ draftId, notes, t }) {
  const [shown, setShown] = useState(notes);
  const [text, setText] = useState('');
  const [people, setPeople] = useState([]);
  const [picked, setPicked] = useState([]);
  const [typing, setTyping] = useState(null);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState('');
  const field = useRef();
  useEffect(() => setShown(notes), [notes]);
  useEffect(() => {
    colleagues().then(setPeople);
  }, []);

  const suggestions = typing
    ? people
        .filter(
          (p) =>
            `${p.name ?? ''} ${p.email}`.toLowerCase().includes(typing.query) ||
            handleOf(p).toLowerCase().startsWith(typing.query),
        )
        .slice(0, 6)
    : [];
  const open = suggestions.length > 0;

  const onInput = (ev) => {
    setText(ev.target.value);
    setTyping(mentionAt(ev.target.value, ev.target.selectionStart));
    setActive(0);
  };
  const choose = (person) => {
    const caret = field.current?.selectionStart ?? text.length;
    const at = typing ?? { start: caret, query: '' };
    const inserted = `@${handleOf(person)} `;
    const next = text.slice(0, at.start) + inserted + text.slice(caret);
    setText(next);
    setPicked((p) => (p.some((x) => x.id === person.id) ? p : [...p, person]));
    setTyping(null);
    requestAnimationFrame(() => {
      field.current?.focus();
      field.current?.setSelectionRange(at.start + inserted.length, at.start + inserted.length);
    });
  };
  const onKeyDown = (ev) => {
    if (!open) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const step = ev.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + suggestions.length) % suggestions.length);
    } else if (ev.key === 'Enter' || ev.key === 'Tab') {
      ev.preventDefault();
      choose(suggestions[Math.min(active, suggestions.length - 1)]);
    } else if (ev.key === 'Escape') {
      ev.stopPropagation();
      setTyping(null);
    }
  };
  const submit = async (ev) => {
    ev.preventDefault();
    const body = text.trim();
    if (!body) return;
    // A colleague picked and then deleted from the text is not mentioned.
    const mentioned = picked.filter((p) => body.includes(`@${handleOf(p)}`));
    try {
      const note = await api(`/v1/drafts/${draftId}/notes`, {
        method: 'POST',
        body: { body, ...(mentioned.length ? { mentions: mentioned.map((p) => p.id) } : {}) },
      });
      setShown((s) => [...s, { ...note, mentions: mentioned }]);
      setText('');
      setPicked([]);
      setStatus(t('noteAdded'));
    } catch (e) {
      setStatus(e.message);
    }
  };

  return html`<div class="notes-panel">
    ${shown.length === 0 ? html`<p class="hint">${t('noteNone')}</p>` : null}
    <ul class="notes">
      ${shown.map(
        (n) =>
          html`<li key=${n.id}>
            <span class="note-author">${n.author}</span>: ${n.body}
            ${
              n.mentions?.length
                ? html`<span class="meta">
                    (${t('noteMentions')} ${n.mentions.map((m) => m.name || m.email).join(', ')})</span
                  >`
                : null
            }
          </li>`,
      )}
    </ul>
    <form class="note-form" onSubmit=${submit}>
      <label for="note-body">${t('noteLabel')}</label>
      <textarea
        id="note-body"
        ref=${field}
        rows="3"
        maxlength="10000"
        value=${text}
        onInput=${onInput}
        onKeyDown=${onKeyDown}
        onBlur=${() => setTimeout(() => setTyping(null), 150)}
        aria-autocomplete="list"
        aria-controls="note-suggestions"
        aria-activedescendant=${open ? `note-suggestion-${active}` : undefined}
      ></textarea>
      <ul
        id="note-suggestions"
        role="listbox"
        aria-label=${t('noteSuggestions')}
        class="note-suggestions"
        hidden=${!open}
      >
        ${suggestions.map(
          (p, i) =>
            html`<li
              id=${`note-suggestion-${i}`}
              role="option"
              aria-selected=${i === active ? 'true' : 'false'}
              onMouseDown=${(ev) => {
                ev.preventDefault();
                choose(p);
              }}
            >
              ${p.name ? html`${p.name} <span class="meta">${p.email}</span>` : p.email}
            </li>`,
        )}
      </ul>
      <button type="submit">${t('noteAdd')}</button>
      <p class="sr-only" role="status">${status}</p>
    </form>
  </div>`;
}
