// The inbox of conversations (#/inbox/<view>) and one conversation (#/conversation/<id>): every conversation of the
// shop, not only those with a draft, with what it waits for, who has it, and the controls to take, close, reopen
// and snooze it. Registered in VIEWS by importing this module.
import { h } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { api, ApiError } from '../api.js';
import { BulkResult, ConfirmDialog, RowCheckbox, say, SelectionBar, useSelection } from '../bulk.js';
import { addMessages } from '../i18n.js';
import { customerInWords, intentInWords } from '../labels';
import { VIEWS } from '../views';

const html = htm.bind(h);

const STATUSES = ['open', 'pending_draft', 'waiting', 'snoozed', 'closed'];
const TABS = ['all', 'mine', 'unassigned', 'escalated'];
const CLOSE_REASONS = ['resolved', 'spam', 'no_reply_needed', 'duplicate', 'other'];

addMessages({
  en: {
    inbox: 'Inbox',
    inboxViews: 'Inbox views',
    view_all: 'All',
    view_mine: 'Mine',
    view_unassigned: 'Unassigned',
    view_escalated: 'Escalated',
    inboxStatus_open: 'Open',
    inboxStatus_pending_draft: 'Draft waiting for review',
    inboxStatus_waiting: 'Waiting for the customer',
    inboxStatus_snoozed: 'Snoozed',
    inboxStatus_closed: 'Closed',
    openConversations: 'open',
    channel: 'Channel',
    inboxChannel_email: 'Email',
    inboxChannel_chat: 'Chat',
    priority_low: 'Low',
    priority_normal: 'Normal',
    priority_high: 'High',
    priority_urgent: 'Urgent',
    language_en: 'English',
    language_nl: 'Dutch',
    sla: 'SLA',
    sla_breached: 'Past the SLA',
    sla_on_time: 'Within the SLA',
    sla_none: 'No draft waiting',
    searchConversations: 'Search conversations',
    searchHint: 'Words from the messages, or the start of an email address or name. Press / to search.',
    search: 'Search',
    lastActivity: 'Last activity',
    more: 'Show more',
    noConversations: 'No conversations match.',
    loading: 'Loading…',
    assignee: 'Assigned to',
    nobody: 'Nobody',
    you: 'you',
    assign: 'Assign',
    takeIt: 'Take it',
    closeConversation: 'Close',
    inboxCloseReason: 'Reason for closing',
    closeNote: 'Note',
    inboxCloseReason_resolved: 'Resolved',
    inboxCloseReason_spam: 'Spam',
    inboxCloseReason_no_reply_needed: 'No reply needed',
    inboxCloseReason_duplicate: 'Duplicate',
    inboxCloseReason_other: 'Other',
    reopen: 'Reopen',
    snoozeUntil: 'Snooze until',
    snooze: 'Snooze',
    snoozedUntil: 'Snoozed until',
    closedBecause: 'Closed',
    thread: 'Messages',
    fromCustomer: 'Customer',
    fromUs: 'Our reply',
    delivery_sent: 'Delivered',
    delivery_failed: 'Not delivered',
    delivery_pending: 'Being sent',
    openDraft: 'Review the waiting draft',
    backToInbox: 'Back to the inbox',
    conversationNotFound: 'This conversation does not exist or belongs to another shop.',
    assigned: 'Assignment saved',
    closedDone: 'Conversation closed',
    reopened: 'Conversation reopened',
    snoozedDone: 'Conversation snoozed',
    intent: 'Topic',
    inboxBulkClose: 'Close',
    inboxBulkAssign: 'Assign',
    inboxBulkCloseTitle: 'Close {n} conversations',
    inboxBulkCloseSummary:
      '{n} selected conversations will be closed with the reason you choose. A customer who writes again opens theirs again.',
    inboxBulkAssignTitle: 'Assign {n} conversations',
    inboxBulkAssignSummary: '{n} selected conversations will be assigned to the person you choose, or to nobody.',
    inboxBulkCloseTitle_one: 'Close 1 conversation',
    inboxBulkCloseSummary_one:
      'The selected conversation will be closed with the reason you choose. If the customer writes again, it opens again.',
    inboxBulkAssignTitle_one: 'Assign 1 conversation',
    inboxBulkAssignSummary_one: 'The selected conversation will be assigned to the person you choose, or to nobody.',
  },
  nl: {
    inbox: 'Inbox',
    inboxViews: 'Inbox-weergaven',
    view_all: 'Alles',
    view_mine: 'Van mij',
    view_unassigned: 'Niet toegewezen',
    view_escalated: 'Geëscaleerd',
    inboxStatus_open: 'Open',
    inboxStatus_pending_draft: 'Concept wacht op beoordeling',
    inboxStatus_waiting: 'Wacht op de klant',
    inboxStatus_snoozed: 'Gesluimerd',
    inboxStatus_closed: 'Gesloten',
    openConversations: 'open',
    channel: 'Kanaal',
    inboxChannel_email: 'E-mail',
    inboxChannel_chat: 'Chat',
    priority_low: 'Laag',
    priority_normal: 'Normaal',
    priority_high: 'Hoog',
    priority_urgent: 'Dringend',
    language_en: 'Engels',
    language_nl: 'Nederlands',
    sla: 'SLA',
    sla_breached: 'Over de SLA',
    sla_on_time: 'Binnen de SLA',
    sla_none: 'Geen concept dat wacht',
    searchConversations: 'Gesprekken zoeken',
    searchHint: 'Woorden uit de berichten, of het begin van een e-mailadres of naam. Druk op / om te zoeken.',
    search: 'Zoeken',
    lastActivity: 'Laatste activiteit',
    more: 'Meer tonen',
    noConversations: 'Geen gesprekken gevonden.',
    loading: 'Laden…',
    assignee: 'Toegewezen aan',
    nobody: 'Niemand',
    you: 'jij',
    assign: 'Toewijzen',
    takeIt: 'Zelf oppakken',
    closeConversation: 'Sluiten',
    inboxCloseReason: 'Reden om te sluiten',
    closeNote: 'Notitie',
    inboxCloseReason_resolved: 'Opgelost',
    inboxCloseReason_spam: 'Spam',
    inboxCloseReason_no_reply_needed: 'Geen antwoord nodig',
    inboxCloseReason_duplicate: 'Dubbel',
    inboxCloseReason_other: 'Anders',
    reopen: 'Heropenen',
    snoozeUntil: 'Sluimeren tot',
    snooze: 'Sluimeren',
    snoozedUntil: 'Gesluimerd tot',
    closedBecause: 'Gesloten',
    thread: 'Berichten',
    fromCustomer: 'Klant',
    fromUs: 'Ons antwoord',
    delivery_sent: 'Afgeleverd',
    delivery_failed: 'Niet afgeleverd',
    delivery_pending: 'Wordt verstuurd',
    openDraft: 'Het wachtende concept beoordelen',
    backToInbox: 'Terug naar de inbox',
    conversationNotFound: 'Dit gesprek bestaat niet of hoort bij een andere winkel.',
    assigned: 'Toewijzing opgeslagen',
    closedDone: 'Gesprek gesloten',
    reopened: 'Gesprek heropend',
    snoozedDone: 'Gesprek gesluimerd',
    intent: 'Onderwerp',
    inboxBulkClose: 'Sluiten',
    inboxBulkAssign: 'Toewijzen',
    inboxBulkCloseTitle: '{n} gesprekken sluiten',
    inboxBulkCloseSummary:
      '{n} geselecteerde gesprekken worden gesloten met de reden die je kiest. Een klant die opnieuw schrijft, opent het zijne weer.',
    inboxBulkAssignTitle: '{n} gesprekken toewijzen',
    inboxBulkAssignSummary: '{n} geselecteerde gesprekken worden toegewezen aan wie je kiest, of aan niemand.',
    inboxBulkCloseTitle_one: '1 gesprek sluiten',
    inboxBulkCloseSummary_one:
      'Het geselecteerde gesprek wordt gesloten met de reden die je kiest. Schrijft de klant opnieuw, dan gaat het weer open.',
    inboxBulkAssignTitle_one: '1 gesprek toewijzen',
    inboxBulkAssignSummary_one: 'Het geselecteerde gesprek wordt toegewezen aan wie je kiest, of aan niemand.',
  },
});

const when = (iso, locale) => (iso ? new Date(iso).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB') : '—');

function StatusBadge({ t, status }) {
  return html`<span class="inbox-status inbox-status-${status}">${t(`inboxStatus_${status}`)}</span>`;
}

function FilterSelect({ id, label, value, options, onChange, t }) {
  return html`<div class="inbox-filter">
    <label for=${id}>${label}</label>
    <select id=${id} value=${value ?? ''} onChange=${(e) => onChange(e.target.value || undefined)}>
      <option value="">${t('any')}</option>
      ${options.map(([v, words]) => html`<option value=${v}>${words}</option>`)}
    </select>
  </div>`;
}

function InboxPage({ t, me, locale, route, navigate, setNotice }) {
  const tab = TABS.includes(route[0]) ? route[0] : 'all';
  const [filter, setFilter] = useState({});
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [items, setItems] = useState(null);
  const [next, setNext] = useState(null);
  const [counts, setCounts] = useState(null);
  const [reloads, setReloads] = useState(0);
  const searchRef = useRef();
  const selection = useSelection();
  /** The bulk action being confirmed ('close' or 'assign'), and what the last one came to. */
  const [confirming, setConfirming] = useState(null);
  const [result, setResult] = useState(null);
  const [people, setPeople] = useState([]);
  useEffect(() => {
    api('/v1/inbox/people').then((p) => setPeople(p.items));
  }, []);
  const query = useCallback(
    (extra = {}) =>
      new URLSearchParams(
        Object.entries({ view: tab, ...filter, q: search, ...extra }).filter(([, v]) => v !== undefined && v !== ''),
      ),
    [tab, filter, search],
  );

  useEffect(() => {
    let current = true;
    setItems(null);
    const { status: _status, ...countFilter } = filter;
    const countQuery = new URLSearchParams(
      Object.entries({ ...countFilter, q: search }).filter(([, v]) => v !== undefined && v !== ''),
    );
    Promise.all([api(`/v1/inbox?${query()}`), api(`/v1/inbox/counts?${countQuery}`)]).then(([page, c]) => {
      if (!current) return;
      setItems(page.items);
      setNext(page.nextCursor);
      setCounts(c);
    });
    return () => {
      current = false;
    };
  }, [query, reloads]);

  // "/" searches, as in the mail clients agents know; "x" selects the row that has the focus. Typing in a field,
  // or in a dialog, is left alone.
  useEffect(() => {
    const onKey = (ev) => {
      if (!['/', 'x'].includes(ev.key) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
      if (/^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName) || ev.target.closest?.('.dialog')) return;
      if (ev.key === 'x') {
        const row = ev.target.closest?.('.inbox-row');
        if (!row) return;
        ev.preventDefault();
        selection.toggle(row.dataset.conversation);
        return;
      }
      ev.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const more = async () => {
    const page = await api(`/v1/inbox?${query({ cursor: next })}`);
    setItems([...(items ?? []), ...page.items]);
    setNext(page.nextCursor);
  };
  const set = (key) => (value) => setFilter({ ...filter, [key]: value });
  /** Names of the rows as they were when a bulk action was sent: a refused one may have left the list since. */
  const [named, setNamed] = useState(new Map());
  const nameOf = (id) => {
    const c = (items ?? []).find((x) => x.id === id);
    return c ? `${customerInWords(c.customer, locale)}: ${c.subject || '—'}` : (named.get(id) ?? id);
  };
  /** Sends the confirmed bulk action; the failed stay selected, to be tried again or looked at. */
  const bulk = async (action, body) => {
    setNamed(new Map(selection.ids.map((id) => [id, nameOf(id)])));
    try {
      const answer = await api(`/v1/inbox/bulk-${action}`, { method: 'POST', body: { ids: selection.ids, ...body } });
      setResult(answer);
      selection.keep(answer.results.filter((r) => !r.ok).map((r) => r.id));
      setReloads((n) => n + 1);
    } catch (e) {
      const words = e instanceof ApiError ? t(`bulkError_${e.code}`) : '';
      setNotice(words && !words.startsWith('bulkError_') ? words : e.message);
    } finally {
      setConfirming(null);
    }
  };
  const shown = (items ?? []).map((c) => c.id);
  const allShown = shown.length > 0 && shown.every((id) => selection.has(id));
  const openCount = (view) => (counts ? counts[view].total - counts[view].closed : null);

  return html`<section class="inbox" aria-labelledby="inbox-title">
    <h2 id="inbox-title">${t('inbox')}</h2>
    <nav class="inbox-tabs" aria-label=${t('inboxViews')}>
      ${TABS.map(
        (v) =>
          html`<a href="#/inbox/${v}" aria-current=${v === tab ? 'page' : undefined} data-view=${v}
            >${t(`view_${v}`)}
            ${openCount(v) === null ? null : html`<span class="count"> (${openCount(v)} ${t('openConversations')})</span>`}</a
          >`,
      )}
    </nav>
    <form
      class="inbox-search"
      role="search"
      onSubmit=${(e) => {
        e.preventDefault();
        setSearch(q.trim());
      }}
    >
      <label for="inbox-q">${t('searchConversations')}</label>
      <input
        id="inbox-q"
        type="search"
        ref=${searchRef}
        value=${q}
        aria-describedby="inbox-q-hint"
        onInput=${(e) => setQ(e.target.value)}
      />
      <button type="submit">${t('search')}</button>
      <p id="inbox-q-hint" class="hint">${t('searchHint')}</p>
    </form>
    <div class="inbox-filters">
      <${FilterSelect}
        id="inbox-status"
        label=${t('status')}
        value=${filter.status}
        onChange=${set('status')}
        t=${t}
        options=${STATUSES.map((s) => [s, `${t(`inboxStatus_${s}`)}${counts ? ` (${counts[tab][s]})` : ''}`])}
      />
      <${FilterSelect}
        id="inbox-channel"
        label=${t('channel')}
        value=${filter.channel}
        onChange=${set('channel')}
        t=${t}
        options=${['email', 'chat'].map((c) => [c, t(`inboxChannel_${c}`)])}
      />
      <${FilterSelect}
        id="inbox-priority"
        label=${t('priority')}
        value=${filter.priority}
        onChange=${set('priority')}
        t=${t}
        options=${['urgent', 'high', 'normal', 'low'].map((p) => [p, t(`priority_${p}`)])}
      />
      <${FilterSelect}
        id="inbox-language"
        label=${t('language')}
        value=${filter.language}
        onChange=${set('language')}
        t=${t}
        options=${['nl', 'en'].map((l) => [l, t(`language_${l}`)])}
      />
      <${FilterSelect}
        id="inbox-sla"
        label=${t('sla')}
        value=${filter.sla}
        onChange=${set('sla')}
        t=${t}
        options=${['breached', 'on_time', 'none'].map((s) => [s, t(`sla_${s}`)])}
      />
    </div>
    ${items === null ? html`<p role="status">${t('loading')}</p>` : null}
    ${items?.length === 0 ? html`<p class="empty">${t('noConversations')}</p>` : null}
    <${BulkResult} t=${t} result=${result} nameOf=${nameOf} onDismiss=${() => setResult(null)} />
    <${SelectionBar}
      t=${t}
      selection=${selection}
      actions=${[
        [t('inboxBulkClose'), () => setConfirming('close')],
        [t('inboxBulkAssign'), () => setConfirming('assign')],
      ]}
    />
    ${
      shown.length
        ? html`<label class="bulk-all">
            <input type="checkbox" checked=${allShown} onChange=${(e) => selection.setAll(shown, e.target.checked)} />
            ${t('bulkSelectAll')}
          </label>`
        : null
    }
    <ul class="inbox-list">
      ${(items ?? []).map(
        (c) =>
          html`<li key=${c.id} class=${selection.has(c.id) ? 'picked' : undefined}>
            <${RowCheckbox} t=${t} id=${c.id} what=${nameOf(c.id)} selection=${selection} />
            <a
              class="inbox-row"
              href="#/conversation/${c.id}"
              data-conversation=${c.id}
              onClick=${(e) => {
                e.preventDefault();
                navigate(`#/conversation/${c.id}`);
              }}
            >
              <span class="inbox-customer">${customerInWords(c.customer, locale)}</span>
              <span class="inbox-subject">${c.subject || '—'}</span>
              <span class="meta">
                <${StatusBadge} t=${t} status=${c.status} /> · ${t(`inboxChannel_${c.channel}`)}
                ${c.draft?.intent ? html` · ${intentInWords(c.draft.intent, locale)}` : null}
                ${
                  c.draft?.slaBreached && c.status === 'pending_draft'
                    ? html` · <strong class="breach">${t('breached')}</strong>`
                    : null
                }
                ${c.escalated ? html` · <strong>${t('escalated')}</strong>` : null}
              </span>
              <span class="meta"
                >${t('lastActivity')}: <time datetime=${c.lastActivity}>${when(c.lastActivity, locale)}</time></span
              >
            </a>
          </li>`,
      )}
    </ul>
    ${next ? html`<button class="inbox-more" onClick=${more}>${t('more')}</button>` : null}
    ${
      confirming
        ? html`<${BulkDialog}
            t=${t}
            me=${me}
            action=${confirming}
            count=${selection.ids.length}
            people=${people}
            onConfirm=${bulk}
            onCancel=${() => setConfirming(null)}
          />`
        : null
    }
  </section>`;
}

/** The confirmation of a bulk close (with the reason) or assign (with the assignee) of `count` conversations. */
function BulkDialog({ t, me, action, count, people, onConfirm, onCancel }) {
  const [reason, setReason] = useState('resolved');
  const title = say(t, action === 'close' ? 'inboxBulkCloseTitle' : 'inboxBulkAssignTitle', count);
  const confirm = (form) => {
    if (action === 'assign') return onConfirm('assign', { assigneeId: form.get('assignee') || null });
    const note = String(form.get('note') ?? '').trim();
    return onConfirm('close', note ? { reason, note } : { reason });
  };
  return html`<${ConfirmDialog}
    t=${t}
    id="bulk-confirm"
    title=${title}
    summary=${say(t, action === 'close' ? 'inboxBulkCloseSummary' : 'inboxBulkAssignSummary', count)}
    confirm=${title}
    onConfirm=${confirm}
    onCancel=${onCancel}
  >
    ${
      action === 'close'
        ? html`<label for="bulk-close-reason">${t('inboxCloseReason')}</label>
            <select id="bulk-close-reason" value=${reason} onChange=${(e) => setReason(e.target.value)}>
              ${CLOSE_REASONS.map((r) => html`<option value=${r}>${t(`inboxCloseReason_${r}`)}</option>`)}
            </select>
            <label for="bulk-close-note">${t('closeNote')}</label>
            <input id="bulk-close-note" name="note" maxlength="2000" required=${reason === 'other'} />`
        : html`<label for="bulk-assignee">${t('assignee')}</label>
            <select id="bulk-assignee" name="assignee">
              <option value="">${t('nobody')}</option>
              ${people.map(
                (p) =>
                  html`<option value=${p.id} selected=${p.id === me.userId}>
                    ${p.name || p.email}${p.id === me.userId ? ` (${t('you')})` : ''}
                  </option>`,
              )}
            </select>`
    }
  <//>`;
}

/** A local date and time for the snooze field: tomorrow at 09:00. */
function tomorrowMorning() {
  const d = new Date(Date.now() + 86_400_000);
  d.setHours(9, 0, 0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:00`;
}

function ConversationControls({ t, me, detail, people, act }) {
  const c = detail.conversation;
  const [assignee, setAssignee] = useState(c.assigneeId ?? '');
  const [reason, setReason] = useState('resolved');
  const [note, setNote] = useState('');
  const [until, setUntil] = useState(tomorrowMorning);
  useEffect(() => setAssignee(c.assigneeId ?? ''), [c.assigneeId]);
  const nameOf = (id) => {
    const p = people.find((x) => x.id === id);
    return p ? `${p.name || p.email}${id === me.userId ? ` (${t('you')})` : ''}` : id;
  };
  return html`<div class="conversation-controls">
    <form
      onSubmit=${(e) => {
        e.preventDefault();
        act('assign', { assigneeId: assignee || null }, 'assigned');
      }}
    >
      <label for="conv-assignee">${t('assignee')}</label>
      <select id="conv-assignee" value=${assignee} onChange=${(e) => setAssignee(e.target.value)}>
        <option value="">${t('nobody')}</option>
        ${people.map((p) => html`<option value=${p.id}>${nameOf(p.id)}</option>`)}
      </select>
      <button type="submit">${t('assign')}</button>
      ${
        c.assigneeId !== me.userId
          ? html`<button type="button" onClick=${() => act('assign', { assigneeId: me.userId }, 'assigned')}>
              ${t('takeIt')}
            </button>`
          : null
      }
    </form>
    ${
      c.status === 'closed'
        ? html`<form
            onSubmit=${(e) => {
              e.preventDefault();
              act('reopen', {}, 'reopened');
            }}
          >
            <button type="submit">${t('reopen')}</button>
          </form>`
        : html`<form
            onSubmit=${(e) => {
              e.preventDefault();
              act('close', note.trim() ? { reason, note: note.trim() } : { reason }, 'closedDone');
            }}
          >
            <label for="conv-close-reason">${t('inboxCloseReason')}</label>
            <select id="conv-close-reason" value=${reason} onChange=${(e) => setReason(e.target.value)}>
              ${CLOSE_REASONS.map((r) => html`<option value=${r}>${t(`inboxCloseReason_${r}`)}</option>`)}
            </select>
            <label for="conv-close-note">${t('closeNote')}</label>
            <input
              id="conv-close-note"
              value=${note}
              required=${reason === 'other'}
              onInput=${(e) => setNote(e.target.value)}
            />
            <button type="submit">${t('closeConversation')}</button>
          </form>`
    }
    ${
      c.status === 'closed'
        ? null
        : html`<form
            onSubmit=${(e) => {
              e.preventDefault();
              act('snooze', { until: new Date(until).toISOString() }, 'snoozedDone');
            }}
          >
            <label for="conv-snooze">${t('snoozeUntil')}</label>
            <input
              id="conv-snooze"
              type="datetime-local"
              value=${until}
              required
              onInput=${(e) => setUntil(e.target.value)}
            />
            <button type="submit">${t('snooze')}</button>
          </form>`
    }
  </div>`;
}

/** The desk's events that change what the conversation page shows: its messages, its drafts, its state. */
const CONVERSATION_EVENTS = ['arrived', 'superseded', 'updated', 'resolved', 'redrafted', 'conversation'];

/**
 * Reloads the open conversation when the desk's event stream tells of it: a new draft (which comes with the
 * customer's new message), a decision on its draft, or a change of its state by someone else. What the agent is
 * typing lives in the controls' own state, which a reload keeps.
 */
function useLiveConversation(id, detail, load) {
  const known = useRef({ id, drafts: new Set() });
  known.current = {
    id,
    drafts: new Set([detail?.pendingDraftId, detail?.conversation?.draft?.id].filter(Boolean)),
  };
  useEffect(() => {
    const source = new EventSource('/v1/events');
    let timer;
    const onEvent = (ev) => {
      let data = {};
      try {
        data = JSON.parse(ev.data);
      } catch {
        return;
      }
      const ours = data.conversationId
        ? data.conversationId === known.current.id
        : known.current.drafts.has(data.draftId);
      if (!ours) return;
      // A burst (a draft superseding another) reloads once.
      clearTimeout(timer);
      timer = setTimeout(() => load().catch(() => {}), 150);
    };
    for (const type of CONVERSATION_EVENTS) source.addEventListener(type, onEvent);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [load]);
}

function ConversationPage({ t, me, locale, route, setNotice }) {
  const id = route[0];
  const [detail, setDetail] = useState(undefined);
  const [people, setPeople] = useState([]);
  const load = useCallback(async () => {
    try {
      setDetail(await api(`/v1/inbox/${encodeURIComponent(id)}`));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setDetail(null);
      else throw e;
    }
  }, [id]);
  useEffect(() => {
    load();
    api('/v1/inbox/people').then((p) => setPeople(p.items));
  }, [load]);
  useLiveConversation(id, detail, load);

  const act = async (action, body, done) => {
    try {
      await api(`/v1/inbox/${id}/${action}`, { method: 'POST', body });
      setNotice(t(done));
      await load();
    } catch (e) {
      setNotice(e.message);
    }
  };

  if (detail === undefined) return html`<p role="status">${t('loading')}</p>`;
  if (detail === null)
    return html`<section class="conversation-page">
      <p>${t('conversationNotFound')}</p>
      <a href="#/inbox">${t('backToInbox')}</a>
    </section>`;
  const c = detail.conversation;
  return html`<section class="conversation-page" aria-labelledby="conv-title">
    <a href="#/inbox" class="back">${t('backToInbox')}</a>
    <h2 id="conv-title">${c.subject || customerInWords(c.customer, locale)}</h2>
    <p class="meta">
      ${customerInWords(c.customer, locale)} · ${t(`inboxChannel_${c.channel}`)} ·
      <${StatusBadge} t=${t} status=${c.status} />
      ${
        c.status === 'closed' && c.closedReason
          ? html` · ${t('closedBecause')}: ${t(`inboxCloseReason_${c.closedReason}`)}`
          : null
      }
      ${c.status === 'snoozed' ? html` · ${t('snoozedUntil')} ${when(c.snoozedUntil, locale)}` : null}
    </p>
    ${
      detail.pendingDraftId
        ? html`<p><a class="open-draft" href="#/?draft=${detail.pendingDraftId}">${t('openDraft')}</a></p>`
        : null
    }
    <${ConversationControls} t=${t} me=${me} detail=${detail} people=${people} act=${act} />
    <h3>${t('thread')}</h3>
    <ol class="thread">
      ${detail.messages.map(
        (m) =>
          html`<li key=${m.id} class=${`msg ${m.direction}`}>
            <p class="meta">
              <strong>${m.direction === 'inbound' ? t('fromCustomer') : t('fromUs')}</strong> ·
              <time datetime=${m.occurredAt}>${when(m.occurredAt, locale)}</time>
              ${
                m.direction === 'outbound'
                  ? html` ·
                      <span class="delivery delivery-${m.delivery ?? 'pending'}"
                        >${t(`delivery_${m.delivery ?? 'pending'}`)}</span
                      >`
                  : null
              }
            </p>
            <p class="msg-text">${m.text}</p>
          </li>`,
      )}
    </ol>
  </section>`;
}

VIEWS.push(
  { id: 'inbox', label: 'inbox', component: InboxPage },
  // Reached from the inbox's rows, not from the navigation: a page no role lists.
  { id: 'conversation', label: 'conversation', component: ConversationPage, roles: [] },
);
