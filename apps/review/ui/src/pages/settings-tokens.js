// Settings: API tokens. A new token's secret is shown once, right after it is made; the list never has it.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from '../api.js';
import { addMessages } from '../i18n.js';
import { problemOf } from './settings-common.js';

const html = htm.bind(h);

addMessages({
  en: {
    apiTokens: 'API tokens',
    tokenName: 'Name of the new token (what it is for)',
    tokenCreate: 'Create token',
    tokenCreated: 'Your new token. Copy it now: it is shown only once.',
    tokenOwner: 'of',
    tokenCreatedAt: 'created',
    tokenLastUsed: 'last used',
    tokenNeverUsed: 'never used',
    tokenRevoke: 'Revoke',
    tokenRevoked: 'Token revoked',
    tokensEmpty: 'No API tokens.',
    tokenDone: 'Done, I copied it',
  },
  nl: {
    apiTokens: 'API-tokens',
    tokenName: 'Naam van het nieuwe token (waar het voor is)',
    tokenCreate: 'Token maken',
    tokenCreated: 'Je nieuwe token. Kopieer het nu: het wordt maar één keer getoond.',
    tokenOwner: 'van',
    tokenCreatedAt: 'gemaakt',
    tokenLastUsed: 'laatst gebruikt',
    tokenNeverUsed: 'nooit gebruikt',
    tokenRevoke: 'Intrekken',
    tokenRevoked: 'Token ingetrokken',
    tokensEmpty: 'Geen API-tokens.',
    tokenDone: 'Klaar, ik heb het gekopieerd',
  },
});

/** Whose token, when it was made and last used, in one line. */
function tokenFacts(tk, t) {
  const used = tk.lastUsedAt
    ? `${t('tokenLastUsed')} ${new Date(tk.lastUsedAt).toLocaleString()}`
    : t('tokenNeverUsed');
  return `${t('tokenOwner')} ${tk.owner} · ${t('tokenCreatedAt')} ${new Date(tk.createdAt).toLocaleDateString()} · ${used}`;
}

export function TokenSettings({ t, setNotice }) {
  const [tokens, setTokens] = useState([]);
  const [secret, setSecret] = useState(null);
  const load = async () => setTokens((await api('/v1/tokens')).items);
  useEffect(() => {
    load().catch((e) => setNotice(problemOf(e)));
  }, []);
  const create = async (ev) => {
    ev.preventDefault();
    const form = ev.target;
    try {
      const made = await api('/v1/tokens', { method: 'POST', body: { name: String(new FormData(form).get('name')) } });
      form.reset();
      setSecret(made.token);
      await load();
    } catch (e) {
      setNotice(problemOf(e));
    }
  };
  const revoke = async (token) => {
    try {
      await api(`/v1/tokens/${token.id}`, { method: 'DELETE' });
      setNotice(`${t('tokenRevoked')}: ${token.name}`);
    } catch (e) {
      setNotice(problemOf(e));
    }
    await load();
  };
  return html`<section class="settings-section" aria-labelledby="settings-tokens">
    <h3 id="settings-tokens">${t('apiTokens')}</h3>
    ${tokens.length === 0 ? html`<p>${t('tokensEmpty')}</p>` : null}
    <ul class="settings-list" data-testid="tokens">
      ${tokens.map(
        (tk) =>
          html`<li key=${tk.id} class="settings-row">
            <div class="settings-row-text">
              <strong>${tk.name}</strong>
              <span class="meta"> · ${tokenFacts(tk, t)}</span>
            </div>
            ${
              tk.revocable
                ? html`<div class="settings-buttons">
                    <button type="button" aria-label=${`${t('tokenRevoke')}: ${tk.name}`} onClick=${() => revoke(tk)}>
                      ${t('tokenRevoke')}
                    </button>
                  </div>`
                : null
            }
          </li>`,
      )}
    </ul>
    ${
      secret
        ? html`<div class="token-secret" role="status">
            <p>${t('tokenCreated')}</p>
            <code data-testid="token-secret">${secret}</code>
            <div class="settings-buttons">
              <button type="button" onClick=${() => setSecret(null)}>${t('tokenDone')}</button>
            </div>
          </div>`
        : null
    }
    <form class="settings-form" onSubmit=${create}>
      <label for="token-name">${t('tokenName')}</label>
      <input id="token-name" name="name" required maxlength="200" autocomplete="off" />
      <div class="settings-buttons"><button type="submit">${t('tokenCreate')}</button></div>
    </form>
  </section>`;
}
