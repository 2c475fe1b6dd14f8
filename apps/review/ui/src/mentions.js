// @mentions: the unread count in the header (kept live over the desk's event stream) and the page that lists them.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from './api.js';
import { addMessages } from './i18n.js';
import { VIEWS } from './views';

const html = htm.bind(h);
/** Sent on window when mentions were read here, so the header's count follows at once. */
const CHANGED = 'dd-mentions-changed';

addMessages({
  en: {
    mentions: 'Mentions',
    mentionsUnread: 'unread mentions',
    mentionsNone: 'Nobody has mentioned you. Nothing to read.',
    mentionsMarkRead: 'Mark read',
    mentionsMarkAllRead: 'Mark all read',
    mentionsOpen: 'Open the conversation',
    mentionsBy: 'by',
  },
  nl: {
    mentions: 'Vermeldingen',
    mentionsUnread: 'ongelezen vermeldingen',
    mentionsNone: 'Niemand heeft je genoemd. Niets te lezen.',
    mentionsMarkRead: 'Gelezen',
    mentionsMarkAllRead: 'Alles gelezen',
    mentionsOpen: 'Open het gesprek',
    mentionsBy: 'door',
  },
});

/** The header's link to the mentions page with the unread count; a new note in the shop makes it ask again. */
export function MentionsBadge({ t }) {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    const load = () =>
      api('/v1/mentions')
        .then((m) => setUnread(m.unread))
        .catch(() => undefined);
    load();
    const source = new EventSource('/v1/events');
    source.addEventListener('noted', load);
    window.addEventListener(CHANGED, load);
    return () => {
      source.close();
      window.removeEventListener(CHANGED, load);
    };
  }, []);
  return html`<a href="#/mentions" class=${`mentions-badge ${unread ? 'has-unread' : ''}`} data-testid="mentions-badge">
    <span aria-hidden="true">@</span> <span class="count">${unread}</span>
    <span class="sr-only">${t('mentionsUnread')}</span>
  </a>`;
}

function MentionsPage({ t, setNotice }) {
  const [items, setItems] = useState(null);
  const load = () =>
    api('/v1/mentions')
      .then((m) => setItems(m.items))
      .catch((e) => setNotice(e.message));
  useEffect(() => {
    load();
  }, []);
  const markRead = async (noteIds) => {
    try {
      await api('/v1/mentions/read', { method: 'POST', body: { noteIds } });
      window.dispatchEvent(new Event(CHANGED));
      await load();
    } catch (e) {
      setNotice(e.message);
    }
  };
  if (!items) return null;
  return html`<section class="mentions-page" aria-labelledby="mentions-title">
    <h2 id="mentions-title">${t('mentions')}</h2>
    ${items.length === 0 ? html`<p class="empty">${t('mentionsNone')}</p>` : null}
    ${items.length > 1 ? html`<button type="button" onClick=${() => markRead(items.map((m) => m.noteId))}>${t('mentionsMarkAllRead')}</button>` : null}
    <ol class="mentions-list">
      ${items.map(
        (m) =>
          html`<li key=${m.noteId}>
            <p class="meta">
              ${m.subject} · ${t('mentionsBy')} ${m.author ?? '—'} · ${new Date(m.createdAt).toLocaleString(t.locale)}
            </p>
            <p>${m.body}</p>
            <a href=${`#/conversation/${encodeURIComponent(m.conversationId)}`} onClick=${() => markRead([m.noteId])}
              >${t('mentionsOpen')}</a
            >
            <button type="button" onClick=${() => markRead([m.noteId])}>${t('mentionsMarkRead')}</button>
          </li>`,
      )}
    </ol>
  </section>`;
}

// Reached from the header's count, so not in the navigation (no role sees it there).
VIEWS.push({ id: 'mentions', label: 'mentions', component: MentionsPage, roles: [] });
