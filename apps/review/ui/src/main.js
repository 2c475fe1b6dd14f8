import { h, render } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import htm from 'htm';
import { api, ApiError, setCsrf } from './api.js';
import { BulkResult, ConfirmDialog, RowCheckbox, say, SelectionBar, useSelection } from './bulk.js';
import { CannedPicker } from './canned.js';
import { onEscape } from './dialog.js';
import { Citations } from './kb-article.js';
import { translator } from './i18n.js';
import {
  actionInWords,
  CLOSE_REASON_LABELS,
  closeReasonInWords,
  customerInWords,
  intentInWords,
  languageInWords,
  priorityInWords,
  reasonInWords,
} from './labels';
import { routeOf, visibleTo, VIEWS } from './views';
import { EscalationPanel, leads, useDeskAlerts } from './escalation.js';
import './pages/settings.js';
import { CustomerPanel } from './customer-panel.js';
import { MentionsBadge } from './mentions.js';
import { NotesPanel } from './notes-panel.js';
import './pages/reports.js';
import './pages/inbox.js';

const html = htm.bind(h);
const SHORTCUTS = [
  ['j', 'next'],
  ['k', 'previous'],
  ['a', 'approve'],
  ['e', 'edit'],
  ['r', 'reject'],
  ['x', 'escalate'],
  ['s', 'sendKey'],
  ['d', 'redraftKey'],
  ['z', 'undoSend'],
  ['c', 'cannedKey'],
  ['Esc', 'leaveEditorKey'],
  ['/', 'searchKey'],
  ['x', 'bulkSelectKey'],
  ['?', 'showShortcuts'],
];

function SignIn({ onSignedIn, t }) {
  const [error, setError] = useState(null);
  const submit = async (ev) => {
    ev.preventDefault();
    const form = new FormData(ev.target);
    try {
      onSignedIn(
        await api('/v1/auth/login', {
          method: 'POST',
          body: { email: form.get('email'), password: form.get('password') },
        }),
      );
    } catch {
      setError(t('badCredentials'));
    }
  };
  return html`<main class="signin">
    <h1>draftdesk</h1>
    <form onSubmit=${submit} aria-describedby="signin-error">
      <label for="email">${t('email')}</label>
      <input id="email" name="email" type="email" autocomplete="username" required autofocus />
      <label for="password">${t('password')}</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required />
      <button type="submit">${t('signIn')}</button>
      <p id="signin-error" role="alert" class="error">${error ?? ''}</p>
    </form>
  </main>`;
}

/** A draft named for an agent: its customer and subject (many drafts share a subject). */
const draftInWords = (item, locale) => `${customerInWords(item.to, locale)}: ${item.subject}`;

function QueueList({ items, selected, onSelect, t, counts, filter, setFilter, picked, bulk }) {
  return html`<nav class="queue" aria-label=${t('queue')}>
    <h2>${t('queue')} <span class="count">${counts?.total ?? items.length} ${t('total')}</span></h2>
    <div class="filters">
      <label for="f-priority">${t('priority')}</label>
      <select
        id="f-priority"
        value=${filter.priority ?? ''}
        onChange=${(e) => setFilter({ ...filter, priority: e.target.value || undefined })}
      >
        <option value="">${t('any')}</option>
        ${['urgent', 'high', 'normal', 'low'].map((p) => html`<option value=${p}>${priorityInWords(p, t.locale)} (${counts?.priority?.[p] ?? 0})</option>`)}
      </select>
      <label for="f-language">${t('language')}</label>
      <select
        id="f-language"
        value=${filter.language ?? ''}
        onChange=${(e) => setFilter({ ...filter, language: e.target.value || undefined })}
      >
        <option value="">${t('any')}</option>
        ${Object.entries(counts?.language ?? {}).map(([l, n]) => html`<option value=${l}>${languageInWords(l, t.locale)} (${n})</option>`)}
      </select>
      <label for="f-needs-reply">
        <input
          id="f-needs-reply"
          type="checkbox"
          checked=${filter.needsReply === 'true'}
          onChange=${(e) => setFilter({ ...filter, needsReply: e.target.checked ? 'true' : undefined })}
        />
        ${t('needsReplyOnly')}
      </label>
      <label for="f-escalated">
        <input
          id="f-escalated"
          type="checkbox"
          checked=${filter.escalated === 'true'}
          onChange=${(e) => setFilter({ ...filter, escalated: e.target.checked ? 'true' : undefined })}
        />
        ${t('escalatedOnly')}
      </label>
    </div>
    ${items.length === 0 ? html`<p class="empty">${t('empty')}</p>` : null}
    <${BulkResult}
      t=${t}
      result=${bulk.result}
      nameOf=${(id) => bulk.subjects.get(id) ?? id}
      onDismiss=${bulk.dismiss}
    />
    <${SelectionBar} t=${t} selection=${picked} actions=${[[t('queueBulkApprove'), bulk.approve]]} />
    <ol>
      ${items.map(
        (item) =>
          html`<li key=${item.draftId}>
            <${RowCheckbox} t=${t} id=${item.draftId} what=${draftInWords(item, t.locale)} selection=${picked} />
            <button
              class=${`item ${item.draftId === selected ? 'selected' : ''}`}
              aria-current=${item.draftId === selected ? 'true' : undefined}
              data-draft=${item.draftId}
              onClick=${() => onSelect(item.draftId)}
            >
              <span class=${`prio prio-${item.priority}`}>${priorityInWords(item.priority, t.locale)}</span>
              <span class="subject">${item.subject}</span>
              <span class="meta"
                >${customerInWords(item.to, t.locale)} · ${languageInWords(item.language, t.locale)} ·
                ${intentInWords(item.intent, t.locale)}</span
              >
              <span class="meta"
                >${t('due')} ${item.dueAt ? new Date(item.dueAt).toLocaleString() : '—'}
                ${item.slaBreached ? html` · <strong class="breach">${t('breached')}</strong>` : null}
                ${item.escalated ? html` · <strong>${t('escalated')}</strong>` : null}
                ${item.needsHumanReply ? html` · <strong class="needs-reply">${t('needsReply')}</strong>` : null}</span
              >
              ${item.status === 'sending' ? html`<span class="status status-sending">${t('status_sending')}</span>` : null}
            </button>
          </li>`,
      )}
    </ol>
  </nav>`;
}

function Conversation({ detail, t, editorRef, body, setBody, onAction, audit, me }) {
  if (!detail) return html`<main class="conversation"><p>${t('select')}</p></main>`;
  const { item, conversation, orderFacts, notes } = detail;
  const ownReply = needsOwnReply(item);
  return html`<main class="conversation" aria-labelledby="conv-title">
    <div class="thread">
      <h2 id="conv-title">${item.subject}</h2>
      <p class="meta">${t('customer')}: ${customerInWords(conversation?.customer, t.locale)}</p>
      ${(conversation?.messages ?? []).map(
        (m) =>
          html`<article class=${`msg ${m.direction}`} aria-label=${t(m.direction)}>
            <header>${t(m.direction)} · ${new Date(m.occurredAt).toLocaleString()}</header>
            <pre>${m.text}</pre>
            ${
              m.attachments?.length
                ? html`<ul class="attachments">
                    ${m.attachments.map((a) => html`<li>${a.filename ?? a.contentType} (${a.size} B)</li>`)}
                  </ul>`
                : null
            }
          </article>`,
      )}
      <label for="editor" class="section"
        >${t(ownReply ? 'writeReply' : 'draft')} <span class="hint">(${t('leaveEditor')})</span></label
      >
      <textarea
        id="editor"
        ref=${editorRef}
        value=${body}
        onInput=${(e) => setBody(e.target.value)}
        rows="10"
      ></textarea>
      <div class="actions" role="toolbar" aria-label="actions">
        ${
          ownReply
            ? html`<button onClick=${() => onAction('send')}>${t('send')} <kbd>s</kbd></button>`
            : html`<button onClick=${() => onAction('approve')}>${t('approve')} <kbd>a</kbd></button>`
        }
        <button onClick=${() => editorRef.current?.focus()}>${t('edit')} <kbd>e</kbd></button>
        <button onClick=${() => onAction('reject')}>${t('reject')} <kbd>r</kbd></button>
        <button onClick=${() => onAction('escalate')}>${t('escalate')} <kbd>x</kbd></button>
      </div>
      <${CannedPicker} key=${item.draftId} t=${t} item=${item} editorRef=${editorRef} body=${body} setBody=${setBody} />
      <${RedraftForm} key=${item.draftId} t=${t} onAction=${onAction} />
    </div>
    <aside class="context">
      <${EscalationPanel}
        item=${item}
        t=${t}
        canHandBack=${leads(me, item.shopId)}
        onHandBack=${(choice) => onAction('handBack', choice)}
      />
      <${CustomerPanel} key=${item.draftId} draftId=${item.draftId} t=${t} />
      <h3>${t('reasons')}</h3>
      <ul>
        ${item.reasons.map((r) => html`<li title=${r}>${reasonInWords(r, t.locale)}</li>`)}
      </ul>
      <h3>${t('citations')}</h3>
      <${Citations} key=${item.draftId} t=${t} citations=${item.citations} />
      <h3>${t('orderFacts')}</h3>
      <${OrderFacts} facts=${orderFacts} t=${t} />
      <h3>${t('notes')}</h3>
      <${NotesPanel} key=${item.draftId} draftId=${item.draftId} notes=${notes} t=${t} />
      <h3>${t('history')}</h3>
      <ol class="history">
        ${audit.map((a) => html`<li>${new Date(a.createdAt).toLocaleString()} · ${a.actor} · ${actionInWords(a.action, t.locale)}</li>`)}
      </ol>
      <h3>${t('conversationDrafts')}</h3>
      <ol class="drafts">
        ${(detail.drafts ?? []).map(
          (d) =>
            html`<li aria-current=${d.draftId === item.draftId ? 'true' : undefined}>
              ${new Date(d.createdAt).toLocaleString()} ·
              <span class=${`status status-${d.status}`}>${t(`status_${d.status}`)}</span>
            </li>`,
        )}
      </ol>
    </aside>
  </main>`;
}

/** An item without a draft to approve: none came, or the agent rejected it to write the reply themselves. */
const needsOwnReply = (item) => item.needsHumanReply || !item.body;

/** Asks the drafter for a new draft of this item, following the agent's instruction (`d` focuses the field). */
function RedraftForm({ t, onAction }) {
  const submit = (ev) => {
    ev.preventDefault();
    const instruction = String(new FormData(ev.target).get('instruction') ?? '').trim();
    if (instruction) onAction('redraft', instruction);
  };
  return html`<form class="redraft" onSubmit=${submit}>
    <label for="redraft-instruction">${t('redraftInstruction')}</label>
    <input id="redraft-instruction" name="instruction" required maxlength="2000" />
    <button type="submit">${t('redraft')} <kbd>d</kbd></button>
  </form>`;
}

/** The order the drafter grounded the draft in; what the message mentioned only as a hint beneath it. */
function OrderFacts({ facts, t }) {
  const o = facts.order;
  const row = (label, value) =>
    value
      ? html`<dt>${t(label)}</dt>
          <dd>${value}</dd>`
      : null;
  return html`<div class="order-facts" data-testid="order-facts">
    ${
      o
        ? html`<dl>
            ${row('orderNumber', o.orderNumber)}${row('orderStatus', o.status)}${row('orderPlaced', o.placedAt && new Date(o.placedAt).toLocaleDateString())}
            ${row('orderTotal', `${o.total.amount.toFixed(2)} ${o.total.currency}`)}
            ${row('orderItems', o.items.map((i) => `${i.quantity}× ${i.name}`).join(', '))}
            ${row('orderCarrier', o.carrier)}
            ${row('orderTracking', o.trackingUrl ? html`<a href=${o.trackingUrl} target="_blank" rel="noopener noreferrer">${o.trackingNumber ?? o.trackingUrl}</a>` : o.trackingNumber)}
            ${row('orderExpected', o.expectedDelivery)}
          </dl>`
        : html`<p>${t('noOrder')}</p>`
    }
    ${facts.entities.length ? html`<p class="hint">${t('mentioned')}: ${facts.entities.map((e) => e.value).join(', ')}</p>` : null}
  </div>`;
}

/** The reason typed into a dialog's `reason` field, trimmed. */
const reasonOf = (form) => String(new FormData(form).get('reason') ?? '').trim();

/** Asks for the reason of an escalation (optional); Escape or Cancel closes it. */
function ReasonDialog({ t, id, title, required, onDone }) {
  const ref = useRef();
  // Focused before the browser paints, so the first key typed after the dialog opens lands in the field.
  useLayoutEffect(() => ref.current?.focus(), []);
  const submit = (ev) => {
    ev.preventDefault();
    onDone(reasonOf(ev.target));
  };
  const onKeyDown = onEscape(() => onDone(null));
  return html`<div
    class="dialog"
    role="dialog"
    aria-modal="true"
    aria-labelledby=${`${id}-title`}
    onKeyDown=${onKeyDown}
  >
    <form onSubmit=${submit}>
      <label id=${`${id}-title`} for=${`${id}-reason`}>${t(title)}</label>
      <input id=${`${id}-reason`} name="reason" ref=${ref} required=${required} />
      <button type="submit">${t('confirm')}</button>
      <button type="button" onClick=${() => onDone(null)}>${t('cancel')}</button>
    </form>
  </div>`;
}

/**
 * Rejecting a draft: close the item (the customer gets no reply) with a reason, or keep it to write the reply
 * oneself. The reason field has the focus; it is required when the close reason is "other" (the default), so
 * typing a reason and Enter closes the item as it always did. Escape or Cancel closes the dialog.
 */
function RejectDialog({ t, onDone }) {
  const ref = useRef();
  const [outcome, setOutcome] = useState('close');
  const [closeReason, setCloseReason] = useState('other');
  useLayoutEffect(() => ref.current?.focus(), []);
  const submit = (ev) => {
    ev.preventDefault();
    const reason = reasonOf(ev.target);
    onDone({ outcome, ...(outcome === 'close' ? { closeReason } : {}), ...(reason ? { reason } : {}) });
  };
  const choice = (value, label) =>
    html`<label class="choice">
      <input
        type="radio"
        name="outcome"
        value=${value}
        checked=${outcome === value}
        onChange=${() => setOutcome(value)}
      />
      ${t(label)}
    </label>`;
  return html`<div
    class="dialog"
    role="dialog"
    aria-modal="true"
    aria-labelledby="reject-title"
    onKeyDown=${onEscape(() => onDone(null))}
  >
    <form onSubmit=${submit}>
      <label id="reject-title" for="reject-reason">${t('rejectReason')}</label>
      <input
        id="reject-reason"
        name="reason"
        ref=${ref}
        maxlength="2000"
        required=${outcome === 'close' && closeReason === 'other'}
      />
      <fieldset>
        <legend>${t('rejectNext')}</legend>
        ${choice('close', 'rejectClose')} ${choice('reply_myself', 'rejectReplyMyself')}
      </fieldset>
      ${
        outcome === 'close'
          ? html`<label for="reject-close-reason">${t('closeReason')}</label>
              <select id="reject-close-reason" value=${closeReason} onChange=${(e) => setCloseReason(e.target.value)}>
                ${Object.keys(CLOSE_REASON_LABELS.en).map(
                  (r) => html`<option value=${r}>${closeReasonInWords(r, t.locale)}</option>`,
                )}
              </select>`
          : null
      }
      <button type="submit">${t('confirm')}</button>
      <button type="button" onClick=${() => onDone(null)}>${t('cancel')}</button>
    </form>
  </div>`;
}

/** Every shortcut in one overlay (`?`); Escape or Close ends it. */
function ShortcutsDialog({ t, onDone }) {
  const close = useRef();
  useLayoutEffect(() => close.current?.focus(), []);
  const onKeyDown = (ev) => {
    if (ev.key === 'Escape' || ev.key === '?') {
      ev.stopPropagation();
      ev.preventDefault();
      onDone();
    }
  };
  return html`<div
    class="dialog"
    role="dialog"
    aria-modal="true"
    aria-labelledby="shortcuts-title"
    onKeyDown=${onKeyDown}
  >
    <form onSubmit=${(ev) => ev.preventDefault()}>
      <h2 id="shortcuts-title">${t('shortcuts')}</h2>
      <dl class="shortcut-list">
        ${SHORTCUTS.map(
          ([k, a]) =>
            html`<dt><kbd>${k}</kbd></dt>
              <dd>${t(a)}</dd>`,
        )}
      </dl>
      <button type="button" ref=${close} onClick=${() => onDone()}>${t('close')}</button>
    </form>
  </div>`;
}

/** Asks before an edited draft is left: Keep editing (the default, also on Escape) or Discard. */
function DiscardDialog({ t, onDone }) {
  const keep = useRef();
  useLayoutEffect(() => keep.current?.focus(), []);
  const onKeyDown = (ev) => {
    if (ev.key === 'Escape') {
      ev.stopPropagation();
      onDone(false);
    }
  };
  return html`<div
    class="dialog"
    role="alertdialog"
    aria-modal="true"
    aria-labelledby="discard-title"
    onKeyDown=${onKeyDown}
  >
    <form onSubmit=${(ev) => ev.preventDefault()}>
      <p id="discard-title">${t('discardEdits')}</p>
      <button type="button" ref=${keep} onClick=${() => onDone(false)}>${t('keepEditing')}</button>
      <button type="button" onClick=${() => onDone(true)}>${t('discard')}</button>
    </form>
  </div>`;
}

// --- Send with undo: after an approval the reply waits out the shop's send delay; `z` or the toast's button undoes it.

/** The approval waiting to be sent (the item as the approve answered it, and where it stood in the queue), or null. */
function useSendWithUndo({ t, setNotice, reopen }) {
  const [sending, setSending] = useState(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!sending) return undefined;
    const timer = setInterval(() => {
      setNow(Date.now());
      // A moment after the delay: the reply was handed on, nothing left to undo.
      if (Date.now() > new Date(sending.item.sendAt).getTime() + 1000) setSending(null);
    }, 250);
    return () => clearInterval(timer);
  }, [sending]);
  const secondsLeft = sending ? Math.max(0, Math.ceil((new Date(sending.item.sendAt).getTime() - now) / 1000)) : 0;
  const undo = async () => {
    if (!sending) return;
    const { item } = sending;
    setSending(null);
    try {
      await api(`/v1/drafts/${item.draftId}/undo`, { method: 'POST', body: {}, ifMatch: item.version });
      setNotice(t('undone'));
      await reopen(item.draftId);
    } catch (e) {
      setNotice(e instanceof ApiError && e.code === 'SEND_ALREADY_STARTED' ? t('tooLateToUndo') : e.message);
    }
  };
  /** The queue with the item being sent still in its place, marked as sending. */
  const withSending = (items) => {
    if (!sending || items.some((i) => i.draftId === sending.item.draftId)) return items;
    const shown = [...items];
    shown.splice(Math.min(sending.index, shown.length), 0, sending.item);
    return shown;
  };
  return { sending, secondsLeft, undo, withSending, scheduled: (item, index) => setSending({ item, index }) };
}

function SendingToast({ t, secondsLeft, onUndo }) {
  return html`<div class="toast" role="status" data-testid="sending-toast">
    <span>${t('sendingIn')} ${secondsLeft} s</span> —
    <button type="button" onClick=${onUndo}>${t('undo')} <kbd>z</kbd></button>
  </div>`;
}

// --- end of send with undo

function App() {
  const [me, setMe] = useState(undefined);
  const [locale, setLocale] = useState(localStorage.getItem('dd-locale') ?? navigator.language?.slice(0, 2) ?? 'en');
  const t = translator(locale);
  const [items, setItems] = useState([]);
  const [counts, setCounts] = useState(null);
  const [filter, setFilter] = useState({});
  const [selected, setSelected] = useState(null);
  const [detail, setDetail] = useState(null);
  const [audit, setAudit] = useState([]);
  const [body, setBody] = useState('');
  const [notice, setNotice] = useState(null);
  const [rejecting, setRejecting] = useState(false);
  const [escalating, setEscalating] = useState(false);
  /** The move that waits for the agent to say whether an edited draft may be left. */
  const [leaving, setLeaving] = useState(null);
  const [helping, setHelping] = useState(false);
  /** Drafts picked for a bulk approval, whether it is being confirmed, and what the last one came to. */
  const picked = useSelection();
  const [approvingPicked, setApprovingPicked] = useState(false);
  const [bulkResult, setBulkResult] = useState(null);
  /** The subjects of the drafts of the last bulk approval: the approved ones leave the queue, the summary names them. */
  const [bulkSubjects, setBulkSubjects] = useState(new Map());
  const [page, setPage] = useState(() => routeOf(location.hash));
  const navigate = (hash) => leave(() => (location.hash = hash));
  const editorRef = useRef();
  const alerts = useDeskAlerts(counts, t);
  const sendWithUndo = useSendWithUndo({
    t,
    setNotice,
    reopen: async (id) => {
      await loadQueue();
      await open(id);
    },
  });
  const edited = !!detail && body !== (detail.item.body ?? '');
  // Leaving an edited draft (another draft, j/k, closing the tab) asks first; the edit is otherwise lost.
  const leave = (go) => (edited ? setLeaving(() => go) : go());
  useEffect(() => {
    if (!edited) return undefined;
    const warn = (ev) => {
      ev.preventDefault();
      ev.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [edited]);

  useEffect(() => {
    const onHash = () => setPage(routeOf(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    api('/v1/auth/me')
      .then((m) => {
        setCsrf(m.csrfToken);
        setMe(m);
      })
      .catch(() => setMe(null));
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem('dd-locale', locale);
  }, [locale]);

  const loadQueue = useCallback(async () => {
    const q = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
    const [list, c] = await Promise.all([api(`/v1/drafts?${q}`), api('/v1/drafts/counts')]);
    setItems(list.items);
    setCounts(c);
  }, [filter]);

  const open = useCallback(
    async (id) => {
      setSelected(id);
      if (!id) return setDetail(null);
      const d = await api(`/v1/drafts/${id}`);
      setDetail(d);
      setBody(d.item.body ?? '');
      setAudit((await api(`/v1/drafts/${id}/audit`)).items);
      // Claiming is best effort: if a colleague holds it, the agent still reads it and sees why actions fail.
      try {
        const claimed = await api(`/v1/drafts/${id}/claim`, { method: 'POST', body: {}, ifMatch: d.item.version });
        setDetail({ ...d, item: claimed });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'DRAFT_CLAIMED') setNotice(t('claimedByOther'));
      }
    },
    [locale],
  );

  useEffect(() => {
    if (me) loadQueue();
  }, [me, loadQueue]);
  // #/?draft=<id> opens that draft (the inbox links a conversation's waiting draft so).
  useEffect(() => {
    const draft = /[?&]draft=([0-9a-f-]{36})/i.exec(location.hash)?.[1];
    if (me && page.id === 'drafts' && draft) open(draft);
  }, [me, page]);
  useEffect(() => {
    if (!me) return undefined;
    const source = new EventSource('/v1/events');
    const refresh = () => loadQueue();
    for (const type of ['arrived', 'resolved', 'updated', 'sla_breached', 'redrafted', 'superseded'])
      source.addEventListener(type, refresh);
    return () => source.close();
  }, [me, loadQueue]);

  const move = (delta) => {
    const index = items.findIndex((i) => i.draftId === selected);
    const next = items[Math.min(items.length - 1, Math.max(0, index + delta))];
    if (next && next.draftId !== selected) leave(() => open(next.draftId));
  };

  /** Rejected to write the reply oneself: the item stays open with an empty editor. */
  const keepForOwnReply = async (item) => {
    setNotice(t('keptForReply'));
    await loadQueue();
    await open(item.draftId);
    editorRef.current?.focus();
  };

  const act = async (action, reason) => {
    if (!detail) return;
    const item = detail.item;
    // An item without a draft to approve is answered with the agent's own text.
    if (action === 'approve' && needsOwnReply(item)) action = 'send';
    try {
      if (action === 'approve') {
        const approved = await api(`/v1/drafts/${item.draftId}/approve`, {
          method: 'POST',
          body: body !== item.body ? { body } : {},
          ifMatch: item.version,
        });
        if (approved.status === 'sending') {
          sendWithUndo.scheduled(
            approved,
            items.findIndex((i) => i.draftId === item.draftId),
          );
          setNotice(null);
        } else setNotice(t('approved'));
      } else if (action === 'reject') {
        if (!reason) return setRejecting(true);
        await api(`/v1/drafts/${item.draftId}/reject`, { method: 'POST', body: reason, ifMatch: item.version });
        if (reason.outcome === 'reply_myself') return await keepForOwnReply(item);
        setNotice(t('rejected'));
      } else if (action === 'send') {
        if (!body.trim()) return editorRef.current?.focus();
        await api(`/v1/drafts/${item.draftId}/reply`, { method: 'POST', body: { body }, ifMatch: item.version });
        setNotice(t('sent'));
      } else if (action === 'redraft') {
        await api(`/v1/drafts/${item.draftId}/redraft`, {
          method: 'POST',
          body: { instruction: reason },
          ifMatch: item.version,
        });
        setNotice(t('redraftRequested'));
      } else if (action === 'handBack') {
        await api(`/v1/drafts/${item.draftId}/hand-back`, {
          method: 'POST',
          body: reason ?? {},
          ifMatch: item.version,
        });
        setNotice(t('handedBack'));
      } else if (action === 'escalate') {
        if (reason === undefined) return setEscalating(true);
        await api(`/v1/drafts/${item.draftId}/escalate`, {
          method: 'POST',
          body: reason ? { reason } : {},
          ifMatch: item.version,
        });
        setNotice(t('escalatedDone'));
      }
      const index = items.findIndex((i) => i.draftId === item.draftId);
      await loadQueue();
      const rest = items.filter((i) => i.draftId !== item.draftId);
      await open(rest[Math.min(index, rest.length - 1)]?.draftId ?? null);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'DRAFT_SUPERSEDED') {
        // The customer wrote again: go to the draft that answers the whole thread; an edit stays in this one's history.
        setNotice(t('superseded'));
        await loadQueue();
        await open(e.body?.supersededBy?.draftId ?? null);
      } else if (e instanceof ApiError && (e.status === 412 || e.code === 'DRAFT_VERSION_CONFLICT')) {
        setNotice(t('stale'));
        await open(item.draftId);
      } else setNotice(e.message);
    }
  };

  /** Approves the picked drafts as they are, each at the version the queue showed; the refused stay picked. */
  const approvePicked = async () => {
    const versions = new Map(items.map((i) => [i.draftId, i.version]));
    setBulkSubjects(new Map(items.map((i) => [i.draftId, draftInWords(i, locale)])));
    try {
      const answer = await api('/v1/drafts/bulk-approve', {
        method: 'POST',
        body: { items: picked.ids.map((id) => ({ id, version: versions.get(id) })) },
      });
      setBulkResult(answer);
      picked.keep(answer.results.filter((r) => !r.ok).map((r) => r.id));
      await loadQueue();
    } catch (e) {
      setNotice(e.message);
    } finally {
      setApprovingPicked(false);
    }
  };

  // A layout effect: the listener must see the state of the frame on screen, or a key pressed right after a
  // dialog closes would still be read with the dialog open and be lost.
  useLayoutEffect(() => {
    const onKey = (ev) => {
      if (ev.target === editorRef.current) {
        if (ev.key === 'Escape') editorRef.current.blur();
        return;
      }
      if (
        rejecting ||
        escalating ||
        leaving ||
        helping ||
        approvingPicked ||
        ev.target.closest?.('.dialog') ||
        ev.ctrlKey ||
        ev.metaKey ||
        ev.altKey ||
        /^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName)
      )
        return;
      if (page.id !== 'drafts') {
        if (ev.key === '?') {
          ev.preventDefault();
          setHelping(true);
        }
        return;
      }
      const handlers = {
        j: () => move(1),
        k: () => move(-1),
        a: () => act('approve'),
        r: () => act('reject'),
        x: () => act('escalate'),
        s: () => act('send'),
        d: () => document.getElementById('redraft-instruction')?.focus(),
        z: () => sendWithUndo.undo(),
        c: () => document.getElementById('canned-open')?.click(),
        e: () => editorRef.current?.focus(),
        '?': () => setHelping(true),
      };
      if (handlers[ev.key]) {
        ev.preventDefault();
        handlers[ev.key]();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (me === undefined) return null;
  if (me === null)
    return html`<${SignIn}
      t=${t}
      onSignedIn=${(m) => {
        setCsrf(m.csrfToken);
        setMe(m);
      }}
    />`;
  return html`<div class="app">
    <header class="top">
      <h1 class="brand">draftdesk</h1>
      <nav aria-label=${t('pages')} class="pages">
        <a href="#/" aria-current=${page.id === 'drafts' ? 'page' : undefined}>${t('drafts')}</a>
        ${VIEWS.filter((v) => visibleTo(v, me.memberships)).map(
          (v) => html`<a href="#/${v.id}" aria-current=${page.id === v.id ? 'page' : undefined}>${t(v.label)}</a>`,
        )}
      </nav>
      <p role="status" class="notice">${notice ?? ''}</p>
      ${alerts.canAsk ? html`<button onClick=${alerts.ask}>${t('notificationsOn')}</button>` : null}
      <${MentionsBadge} t=${t} />
      <span>${me.email}</span>
      <label for="locale" class="sr-only">Language</label>
      <select id="locale" value=${locale} onChange=${(e) => setLocale(e.target.value)}>
        <option value="en">English</option>
        <option value="nl">Nederlands</option>
      </select>
      <button
        onClick=${async () => {
          await api('/v1/auth/logout', { method: 'POST' });
          setMe(null);
        }}
      >
        ${t('signOut')}
      </button>
    </header>
    ${
      page.view
        ? html`<main class="page" id="page-${page.id}">
            <${page.view.component}
              t=${t}
              me=${me}
              locale=${locale}
              route=${page.route}
              setNotice=${setNotice}
              navigate=${navigate}
            />
          </main>`
        : html`
            <${QueueList}
              items=${sendWithUndo.withSending(items)}
              selected=${selected}
              onSelect=${(id) => (id === selected ? undefined : leave(() => open(id)))}
              t=${t}
              counts=${counts}
              filter=${filter}
              setFilter=${setFilter}
              picked=${picked}
              bulk=${{
                result: bulkResult,
                subjects: bulkSubjects,
                dismiss: () => setBulkResult(null),
                approve: () => setApprovingPicked(true),
              }}
            />
            <${Conversation}
              detail=${detail}
              t=${t}
              editorRef=${editorRef}
              body=${body}
              setBody=${setBody}
              onAction=${act}
              audit=${audit}
              me=${me}
            />
          `
    }
    <footer class="shortcuts" aria-label=${t('shortcuts')}>
      ${t('shortcuts')}: ${SHORTCUTS.map(([k, a]) => html`<span><kbd>${k}</kbd> ${t(a)}</span>`)}
    </footer>
    ${
      rejecting
        ? html`<${RejectDialog}
            t=${t}
            onDone=${(choice) => {
              setRejecting(false);
              if (choice) act('reject', choice);
            }}
          />`
        : null
    }
    ${
      sendWithUndo.sending
        ? html`<${SendingToast} t=${t} secondsLeft=${sendWithUndo.secondsLeft} onUndo=${sendWithUndo.undo} />`
        : null
    }
    ${
      approvingPicked
        ? html`<${ConfirmDialog}
            t=${t}
            id="bulk-approve"
            title=${say(t, 'queueBulkApproveTitle', picked.ids.length)}
            summary=${say(t, 'queueBulkApproveSummary', picked.ids.length)}
            confirm=${say(t, 'queueBulkApproveTitle', picked.ids.length)}
            onConfirm=${approvePicked}
            onCancel=${() => setApprovingPicked(false)}
          />`
        : null
    }
    ${helping ? html`<${ShortcutsDialog} t=${t} onDone=${() => setHelping(false)} />` : null}
    ${
      leaving
        ? html`<${DiscardDialog}
            t=${t}
            onDone=${(discard) => {
              const go = leaving;
              setLeaving(null);
              if (discard) go();
              else editorRef.current?.focus();
            }}
          />`
        : null
    }
    ${
      escalating
        ? html`<${ReasonDialog}
            t=${t}
            id="escalate"
            title="escalateReason"
            required=${false}
            onDone=${(reason) => {
              setEscalating(false);
              if (reason !== null) act('escalate', reason);
            }}
          />`
        : null
    }
  </div>`;
}

render(html`<${App} />`, document.getElementById('app'));
