// Settings: the mailboxes mail-ingest watches. Leads see them; admins add, edit, pause and remove them and test a
// connection before saving. Passwords go in and never come back: a stored one shows as "set".
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from '../api.js';
import { addMessages } from '../i18n.js';
import { problemOf } from './settings-common.js';

const html = htm.bind(h);
const TLS_MODES = ['tls', 'starttls', 'plain'];

addMessages({
  en: {
    mbxTitle: 'Mailboxes',
    mbxEmpty: 'No mailboxes yet.',
    mbxNotConnected: 'The desk is not connected to mail-ingest (MAIL_INGEST_URL and MAIL_ADMIN_TOKEN).',
    mbxAdd: 'Add mailbox',
    mbxEdit: 'Edit',
    mbxEditing: 'Edit mailbox',
    mbxName: 'Name (usually the address; cannot change later)',
    mbxHost: 'IMAP server',
    mbxPort: 'Port (empty: 993 for TLS, 143 otherwise)',
    mbxTls: 'Connection security',
    mbxTls_tls: 'TLS',
    mbxTls_starttls: 'STARTTLS',
    mbxTls_plain: 'None (local servers only)',
    mbxUser: 'User name',
    mbxPassword: 'Password',
    mbxPasswordKeep: 'Password (set; leave empty to keep it)',
    mbxFolder: 'Folder',
    mbxSentFolder: 'Folder for copies of sent replies (optional)',
    mbxFromAddress: 'From address of replies (optional)',
    mbxTest: 'Test connection',
    mbxTesting: 'Testing the connection…',
    mbxTestOk: 'Connected: signed in and opened',
    mbxTestMessages: 'messages',
    mbxTestFailed: 'Connection failed',
    mbxPasswordSet: 'password set',
    mbxOauth: 'signs in with OAuth',
    mbxPaused: 'paused',
    mbxPause: 'Pause',
    mbxResume: 'Resume',
    mbxRemove: 'Remove',
    mbxAdded: 'Mailbox added',
    mbxSaved: 'Mailbox saved',
    mbxRemoved: 'Mailbox removed',
    mbxPausedNotice: 'Mailbox paused',
    mbxResumedNotice: 'Mailbox resumed',
    mbxUserNeedsPassword: 'Give the password again to change the user name.',
  },
  nl: {
    mbxTitle: 'Mailboxen',
    mbxEmpty: 'Nog geen mailboxen.',
    mbxNotConnected: 'De desk is niet verbonden met mail-ingest (MAIL_INGEST_URL en MAIL_ADMIN_TOKEN).',
    mbxAdd: 'Mailbox toevoegen',
    mbxEdit: 'Bewerken',
    mbxEditing: 'Mailbox bewerken',
    mbxName: 'Naam (meestal het adres; later niet te wijzigen)',
    mbxHost: 'IMAP-server',
    mbxPort: 'Poort (leeg: 993 bij TLS, anders 143)',
    mbxTls: 'Beveiliging van de verbinding',
    mbxTls_tls: 'TLS',
    mbxTls_starttls: 'STARTTLS',
    mbxTls_plain: 'Geen (alleen lokale servers)',
    mbxUser: 'Gebruikersnaam',
    mbxPassword: 'Wachtwoord',
    mbxPasswordKeep: 'Wachtwoord (ingesteld; leeg laten om het te houden)',
    mbxFolder: 'Map',
    mbxSentFolder: 'Map voor kopieën van verzonden antwoorden (optioneel)',
    mbxFromAddress: 'Afzenderadres van antwoorden (optioneel)',
    mbxTest: 'Verbinding testen',
    mbxTesting: 'De verbinding wordt getest…',
    mbxTestOk: 'Verbonden: ingelogd en geopend',
    mbxTestMessages: 'berichten',
    mbxTestFailed: 'Verbinding mislukt',
    mbxPasswordSet: 'wachtwoord ingesteld',
    mbxOauth: 'logt in met OAuth',
    mbxPaused: 'gepauzeerd',
    mbxPause: 'Pauzeren',
    mbxResume: 'Hervatten',
    mbxRemove: 'Verwijderen',
    mbxAdded: 'Mailbox toegevoegd',
    mbxSaved: 'Mailbox opgeslagen',
    mbxRemoved: 'Mailbox verwijderd',
    mbxPausedNotice: 'Mailbox gepauzeerd',
    mbxResumedNotice: 'Mailbox hervat',
    mbxUserNeedsPassword: 'Geef het wachtwoord opnieuw om de gebruikersnaam te wijzigen.',
  },
});

/** The form's fields as the API takes them: a new mailbox in full, or an edit's changes (new credentials only when typed). */
function mailboxBody(form, existing) {
  const value = (name) => String(form.get(name) ?? '').trim();
  const port = value('port');
  const user = value('user');
  const password = String(form.get('password') ?? '');
  const settings = {
    host: value('host'),
    ...(port ? { port: Number(port) } : {}),
    tls: value('tls'),
    folder: value('folder') || 'INBOX',
    sentFolder: value('sentFolder') || null,
    fromAddress: value('fromAddress') || null,
  };
  if (!existing) return { name: value('name'), ...settings, auth: { kind: 'password', user, password } };
  if (!password && existing.auth.kind === 'password' && user !== existing.auth.user) return null;
  return { ...settings, ...(password ? { auth: { kind: 'password', user, password } } : {}) };
}

function TestResult({ t, result }) {
  if (!result) return null;
  if (result.testing) return html`<p>${t('mbxTesting')}</p>`;
  return result.ok
    ? html`<p class="test-ok">✓ ${t('mbxTestOk')} ${result.folder} (${result.messages} ${t('mbxTestMessages')})</p>`
    : html`<p class="test-failed">✗ ${t('mbxTestFailed')}: ${result.message}</p>`;
}

// Fields are uncontrolled (defaultValue, selected): a controlled value would be put back over what the admin typed
// whenever the test result re-renders the form.
function MailboxForm({ t, existing, onSaved, onCancel, setNotice }) {
  const [result, setResult] = useState(null);
  const id = existing ? `mbx-${existing.id}` : 'mbx-new';
  const field = (name) => `${id}-${name}`;
  const withBody = (form, use) => {
    const body = mailboxBody(new FormData(form), existing);
    if (!body) return setNotice(t('mbxUserNeedsPassword'));
    return use(body);
  };
  const test = (ev) => {
    const form = ev.target.form;
    if (!form.reportValidity()) return;
    withBody(form, async (body) => {
      setResult({ testing: true });
      try {
        const path = existing ? `/v1/settings/mailboxes/${existing.id}/test` : '/v1/settings/mailboxes/test';
        setResult(await api(path, { method: 'POST', body }));
      } catch (e) {
        setResult(null);
        setNotice(problemOf(e));
      }
    });
  };
  const save = (ev) => {
    ev.preventDefault();
    const form = ev.target;
    withBody(form, async (body) => {
      try {
        if (existing) await api(`/v1/settings/mailboxes/${existing.id}`, { method: 'PATCH', body });
        else await api('/v1/settings/mailboxes', { method: 'POST', body });
        setNotice(`${t(existing ? 'mbxSaved' : 'mbxAdded')}: ${existing?.name ?? body.name}`);
        if (!existing) form.reset();
        setResult(null);
        onSaved();
      } catch (e) {
        setNotice(problemOf(e));
      }
    });
  };
  const oauth = existing?.auth.kind === 'xoauth2';
  return html`<form class="settings-form" onSubmit=${save} aria-labelledby=${field('title')}>
    <h4 id=${field('title')}>${existing ? `${t('mbxEditing')}: ${existing.name}` : t('mbxAdd')}</h4>
    ${
      existing
        ? null
        : html`<label for=${field('name')}>${t('mbxName')}</label>
            <input id=${field('name')} name="name" required maxlength="200" autocomplete="off" />`
    }
    <label for=${field('host')}>${t('mbxHost')}</label>
    <input id=${field('host')} name="host" required maxlength="255" defaultValue=${existing?.host} autocomplete="off" />
    <label for=${field('port')}>${t('mbxPort')}</label>
    <input id=${field('port')} name="port" type="number" min="1" max="65535" defaultValue=${existing?.port} />
    <label for=${field('tls')}>${t('mbxTls')}</label>
    <select id=${field('tls')} name="tls">
      ${TLS_MODES.map((m) => html`<option value=${m} selected=${m === (existing?.tls ?? 'tls')}>${t(`mbxTls_${m}`)}</option>`)}
    </select>
    ${
      oauth
        ? html`<p class="hint">${existing.auth.user} · ${t('mbxOauth')}</p>`
        : html`<label for=${field('user')}>${t('mbxUser')}</label>
            <input
              id=${field('user')}
              name="user"
              required
              maxlength="320"
              defaultValue=${existing?.auth.user}
              autocomplete="off"
            />
            <label for=${field('password')}>${t(existing ? 'mbxPasswordKeep' : 'mbxPassword')}</label>
            <input
              id=${field('password')}
              name="password"
              type="password"
              required=${!existing}
              maxlength="1024"
              autocomplete="new-password"
            />`
    }
    <label for=${field('folder')}>${t('mbxFolder')}</label>
    <input id=${field('folder')} name="folder" maxlength="500" defaultValue=${existing?.folder ?? 'INBOX'} />
    <label for=${field('sentFolder')}>${t('mbxSentFolder')}</label>
    <input id=${field('sentFolder')} name="sentFolder" maxlength="500" defaultValue=${existing?.sentFolder ?? ''} />
    <label for=${field('fromAddress')}>${t('mbxFromAddress')}</label>
    <input
      id=${field('fromAddress')}
      name="fromAddress"
      type="email"
      maxlength="320"
      defaultValue=${existing?.fromAddress ?? ''}
    />
    <div role="status" data-testid="mailbox-test-result"><${TestResult} t=${t} result=${result} /></div>
    <div class="settings-buttons">
      <button type="button" onClick=${test}>${t('mbxTest')}</button>
      <button type="submit">${existing ? t('save') : t('mbxAdd')}</button>
      ${existing ? html`<button type="button" onClick=${onCancel}>${t('cancel')}</button>` : null}
    </div>
  </form>`;
}

/** One line about a mailbox: where it connects, as whom, and how it is doing. */
function mailboxFacts(m, t) {
  const auth = m.auth.kind === 'password' ? t('mbxPasswordSet') : t('mbxOauth');
  const state = m.paused ? t('mbxPaused') : m.status;
  return `${m.host}:${m.port} · ${t(`mbxTls_${m.tls}`)} · ${m.auth.user} (${auth}) · ${m.folder} · ${state}`;
}

export function MailboxSettings({ t, role, setNotice }) {
  const [state, setState] = useState({ connected: true, items: [] });
  const [editing, setEditing] = useState(null);
  const [removing, setRemoving] = useState(null);
  const isAdmin = role === 'admin';
  const load = async () => setState(await api('/v1/settings/mailboxes'));
  useEffect(() => {
    load().catch((e) => setNotice(problemOf(e)));
  }, []);
  const act = async (mailbox, request, notice) => {
    try {
      await api(`/v1/settings/mailboxes/${mailbox.id}`, request);
      setNotice(`${t(notice)}: ${mailbox.name}`);
    } catch (e) {
      setNotice(problemOf(e));
    }
    setRemoving(null);
    await load();
  };
  const mailboxes = state.items;
  return html`<section class="settings-section" aria-labelledby="settings-mailboxes">
    <h3 id="settings-mailboxes">${t('mbxTitle')}</h3>
    ${state.connected ? null : html`<p class="hint">${t('mbxNotConnected')}</p>`}
    ${state.connected && mailboxes.length === 0 ? html`<p>${t('mbxEmpty')}</p>` : null}
    <ul class="settings-list" data-testid="mailboxes">
      ${mailboxes.map(
        (m) =>
          html`<li key=${m.id}>
            <div class="settings-row">
              <div class="settings-row-text">
                <strong>${m.name}</strong>
                <span class="meta"> · ${mailboxFacts(m, t)}</span>
                ${m.lastError ? html`<span class="meta mailbox-error"> · ${m.lastError}</span>` : null}
              </div>
              ${
                isAdmin
                  ? html`<div class="settings-buttons">
                      <button
                        type="button"
                        aria-label=${`${t('mbxEdit')}: ${m.name}`}
                        onClick=${() => setEditing(m.id)}
                      >
                        ${t('mbxEdit')}
                      </button>
                      <button
                        type="button"
                        aria-label=${`${t(m.paused ? 'mbxResume' : 'mbxPause')}: ${m.name}`}
                        onClick=${() =>
                          act(
                            m,
                            { method: 'PATCH', body: { paused: !m.paused } },
                            m.paused ? 'mbxResumedNotice' : 'mbxPausedNotice',
                          )}
                      >
                        ${t(m.paused ? 'mbxResume' : 'mbxPause')}
                      </button>
                      ${
                        removing === m.id
                          ? html`<button
                                type="button"
                                class="danger"
                                onClick=${() => act(m, { method: 'DELETE' }, 'mbxRemoved')}
                              >
                                ${t('confirmDelete')}: ${m.name}
                              </button>
                              <button type="button" onClick=${() => setRemoving(null)}>${t('cancel')}</button>`
                          : html`<button
                              type="button"
                              aria-label=${`${t('mbxRemove')}: ${m.name}`}
                              onClick=${() => setRemoving(m.id)}
                            >
                              ${t('mbxRemove')}
                            </button>`
                      }
                    </div>`
                  : null
              }
            </div>
            ${
              editing === m.id
                ? html`<${MailboxForm}
                    t=${t}
                    existing=${m}
                    setNotice=${setNotice}
                    onCancel=${() => setEditing(null)}
                    onSaved=${async () => {
                      setEditing(null);
                      await load();
                    }}
                  />`
                : null
            }
          </li>`,
      )}
    </ul>
    ${
      !state.connected
        ? null
        : isAdmin
          ? html`<${MailboxForm} t=${t} setNotice=${setNotice} onSaved=${load} />`
          : html`<p class="hint">${t('adminsOnly')}</p>`
    }
  </section>`;
}
