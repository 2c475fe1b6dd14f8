// Settings: the shop's canned replies — list, add, edit, delete. The server refuses a placeholder it cannot fill.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from '../api.js';
import { languageInWords, placeholderInWords } from '../canned.js';
import { addMessages } from '../i18n.js';
import { problemOf, RowButtons } from './settings-common.js';

const html = htm.bind(h);

/** The languages the drafter writes in; a canned reply is kept per language. */
const LANGUAGES = ['nl', 'en', 'de', 'fr'];

addMessages({
  en: {
    cannedReplies: 'Canned replies',
    cannedTitle: 'Title',
    cannedLanguage: 'Language',
    cannedText: 'Text',
    cannedAdd: 'Add canned reply',
    cannedEdit: 'Edit',
    cannedEditing: 'Edit canned reply',
    cannedEmpty: 'No canned replies yet.',
    cannedPlaceholders: 'Placeholders, filled in for each draft',
    cannedAdded: 'Canned reply added',
    cannedDeleted: 'Canned reply deleted',
  },
  nl: {
    cannedReplies: 'Standaardantwoorden',
    cannedTitle: 'Titel',
    cannedLanguage: 'Taal',
    cannedText: 'Tekst',
    cannedAdd: 'Standaardantwoord toevoegen',
    cannedEdit: 'Bewerken',
    cannedEditing: 'Standaardantwoord bewerken',
    cannedEmpty: 'Nog geen standaardantwoorden.',
    cannedPlaceholders: 'Invulvelden, per concept ingevuld',
    cannedAdded: 'Standaardantwoord toegevoegd',
    cannedDeleted: 'Standaardantwoord verwijderd',
  },
});

/** The add form, or the edit form of one reply (`reply` given). */
function CannedForm({ t, reply, placeholders, onSaved, onCancel, setNotice }) {
  const id = reply ? `canned-${reply.id}` : 'canned-new';
  const [language, setLanguage] = useState(reply?.language ?? 'nl');
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  const submit = async (ev) => {
    ev.preventDefault();
    try {
      const saved = reply
        ? await api(`/v1/canned-replies/${reply.id}`, { method: 'PATCH', body: { language, title, body } })
        : await api('/v1/canned-replies', { method: 'POST', body: { language, title, body } });
      if (!reply) {
        setTitle('');
        setBody('');
      }
      setNotice(reply ? t('saved') : t('cannedAdded'));
      onSaved(saved);
    } catch (e) {
      setNotice(problemOf(e));
    }
  };
  return html`<form class="settings-form" onSubmit=${submit} aria-labelledby=${`${id}-legend`}>
    <h4 id=${`${id}-legend`}>${reply ? t('cannedEditing') : t('cannedAdd')}</h4>
    <label for=${`${id}-language`}>${t('cannedLanguage')}</label>
    <select id=${`${id}-language`} value=${language} onChange=${(e) => setLanguage(e.target.value)}>
      ${[...new Set([...LANGUAGES, language])].map(
        (l) => html`<option value=${l}>${languageInWords(l, t.locale)}</option>`,
      )}
    </select>
    <label for=${`${id}-title`}>${t('cannedTitle')}</label>
    <input id=${`${id}-title`} value=${title} required maxlength="200" onInput=${(e) => setTitle(e.target.value)} />
    <label for=${`${id}-body`}>${t('cannedText')}</label>
    <textarea
      id=${`${id}-body`}
      rows="5"
      required
      value=${body}
      aria-describedby=${`${id}-placeholders`}
      onInput=${(e) => setBody(e.target.value)}
    ></textarea>
    <p class="hint" id=${`${id}-placeholders`}>
      ${`${t('cannedPlaceholders')}: `}
      ${placeholders.map((p, i) => html`${i ? ', ' : ''}<code>{{${p}}}</code> (${placeholderInWords(p, t)})`)}
    </p>
    <div class="settings-buttons">
      <button type="submit">${reply ? t('save') : t('cannedAdd')}</button>
      ${onCancel ? html`<button type="button" onClick=${onCancel}>${t('cancel')}</button>` : null}
    </div>
  </form>`;
}

export function CannedSettings({ t, role, setNotice }) {
  const [replies, setReplies] = useState([]);
  const [placeholders, setPlaceholders] = useState([]);
  const [editing, setEditing] = useState(null);
  const [deleting, setDeleting] = useState(null);
  const canWrite = role === 'lead' || role === 'admin';
  const load = async () => {
    const res = await api('/v1/canned-replies');
    setReplies(res.items);
    setPlaceholders(res.placeholders);
  };
  useEffect(() => {
    load().catch((e) => setNotice(problemOf(e)));
  }, []);
  const remove = async (reply) => {
    try {
      await api(`/v1/canned-replies/${reply.id}`, { method: 'DELETE' });
      setDeleting(null);
      setNotice(t('cannedDeleted'));
      await load();
    } catch (e) {
      setNotice(problemOf(e));
    }
  };
  return html`<section class="settings-section" aria-labelledby="settings-canned">
    <h3 id="settings-canned">${t('cannedReplies')}</h3>
    ${replies.length === 0 ? html`<p>${t('cannedEmpty')}</p>` : null}
    <ul class="settings-list" data-testid="canned-replies">
      ${replies.map(
        (r) =>
          html`<li key=${r.id}>
            ${
              editing === r.id
                ? html`<${CannedForm}
                    t=${t}
                    reply=${r}
                    placeholders=${placeholders}
                    setNotice=${setNotice}
                    onSaved=${() => {
                      setEditing(null);
                      load();
                    }}
                    onCancel=${() => setEditing(null)}
                  />`
                : html`<div class="settings-row">
                    <div class="settings-row-text">
                      <strong>${r.title}</strong>
                      <span class="meta"> · ${languageInWords(r.language, t.locale)}</span>
                      <p class="canned-excerpt">${r.body}</p>
                    </div>
                    ${
                      canWrite
                        ? html`<${RowButtons}
                            t=${t}
                            name=${r.title}
                            editLabel=${t('cannedEdit')}
                            deleting=${deleting === r.id}
                            onEdit=${() => setEditing(r.id)}
                            onAskDelete=${() => setDeleting(r.id)}
                            onDelete=${() => remove(r)}
                            onCancelDelete=${() => setDeleting(null)}
                          />`
                        : null
                    }
                  </div>`
            }
          </li>`,
      )}
    </ul>
    ${
      canWrite
        ? html`<${CannedForm} t=${t} placeholders=${placeholders} setNotice=${setNotice} onSaved=${() => load()} />`
        : null
    }
  </section>`;
}
