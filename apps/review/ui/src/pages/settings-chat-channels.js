// Settings: chat channels (chat-gateway). Leads see them; admins add a channel and rotate its signing secret. A
// secret is shown once, right after it was made, like an API token; lists only say how many secrets are accepted.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from '../api.js';
import { addMessages } from '../i18n.js';
import { problemOf } from './settings-common.js';

const html = htm.bind(h);

addMessages({
  en: {
    chanTitle: 'Chat channels',
    chanEmpty: 'No chat channels yet.',
    chanNotConnected: 'The desk is not connected to chat-gateway (CHAT_GATEWAY_URL and CHAT_ADMIN_TOKEN).',
    chanAdd: 'Add chat channel',
    chanId: 'Channel id (letters, digits, dots, dashes; used in the webhook address)',
    chanCallbackUrl: 'Address replies are posted to',
    chanIdentityVerified: 'The chat widget signs in its users (their e-mail address may be used to find orders)',
    chanSecretCount: 'accepted secrets',
    chanVerified: 'verified users',
    chanRotate: 'New secret',
    chanCreated: 'The signing secret of',
    chanShownOnce: 'Copy it now into the chat provider: it is shown only once.',
    chanOldStillValid:
      'The previous secret stays valid until the next rotation, so the provider can switch without losing messages.',
    chanDone: 'Done, I copied it',
    chanAdded: 'Chat channel added',
    chanRotated: 'New secret made for',
  },
  nl: {
    chanTitle: 'Chatkanalen',
    chanEmpty: 'Nog geen chatkanalen.',
    chanNotConnected: 'De desk is niet verbonden met chat-gateway (CHAT_GATEWAY_URL en CHAT_ADMIN_TOKEN).',
    chanAdd: 'Chatkanaal toevoegen',
    chanId: 'Kanaal-id (letters, cijfers, punten, streepjes; staat in het webhookadres)',
    chanCallbackUrl: 'Adres waar antwoorden naartoe gaan',
    chanIdentityVerified:
      'De chatwidget logt zijn gebruikers in (hun e-mailadres mag gebruikt worden om bestellingen te vinden)',
    chanSecretCount: 'geaccepteerde geheimen',
    chanVerified: 'geverifieerde gebruikers',
    chanRotate: 'Nieuw geheim',
    chanCreated: 'Het ondertekeningsgeheim van',
    chanShownOnce: 'Kopieer het nu naar de chatprovider: het wordt maar één keer getoond.',
    chanOldStillValid:
      'Het vorige geheim blijft geldig tot de volgende wissel, zodat de provider kan overstappen zonder berichten te verliezen.',
    chanDone: 'Klaar, ik heb het gekopieerd',
    chanAdded: 'Chatkanaal toegevoegd',
    chanRotated: 'Nieuw geheim gemaakt voor',
  },
});

function channelFacts(c, t) {
  const where = c.kind === 'generic' ? c.callbackUrl : `WhatsApp ${c.phoneNumberId ?? ''}`;
  return [where, `${t('chanSecretCount')}: ${c.secretCount}`, c.identityVerified ? t('chanVerified') : null]
    .filter(Boolean)
    .join(' · ');
}

export function ChatChannelSettings({ t, role, setNotice }) {
  const [state, setState] = useState({ connected: true, items: [] });
  const [shown, setShown] = useState(null);
  const isAdmin = role === 'admin';
  const load = async () => setState(await api('/v1/settings/chat-channels'));
  useEffect(() => {
    load().catch((e) => setNotice(problemOf(e)));
  }, []);
  const create = async (ev) => {
    ev.preventDefault();
    const form = ev.target;
    const data = new FormData(form);
    try {
      const made = await api('/v1/settings/chat-channels', {
        method: 'POST',
        body: {
          id: String(data.get('id') ?? '').trim(),
          callbackUrl: String(data.get('callbackUrl') ?? '').trim(),
          identityVerified: data.get('identityVerified') === 'on',
        },
      });
      form.reset();
      setShown({ channelId: made.channel.id, secret: made.secret, rotated: false });
      setNotice(`${t('chanAdded')}: ${made.channel.id}`);
      await load();
    } catch (e) {
      setNotice(problemOf(e));
    }
  };
  const rotate = async (channel) => {
    try {
      const rotated = await api(`/v1/settings/chat-channels/${encodeURIComponent(channel.id)}/secret`, {
        method: 'POST',
        body: {},
      });
      setShown({ channelId: channel.id, secret: rotated.secret, rotated: true });
      setNotice(`${t('chanRotated')} ${channel.id}`);
      await load();
    } catch (e) {
      setNotice(problemOf(e));
    }
  };
  return html`<section class="settings-section" aria-labelledby="settings-chat-channels">
    <h3 id="settings-chat-channels">${t('chanTitle')}</h3>
    ${state.connected ? null : html`<p class="hint">${t('chanNotConnected')}</p>`}
    ${state.connected && state.items.length === 0 ? html`<p>${t('chanEmpty')}</p>` : null}
    <ul class="settings-list" data-testid="chat-channels">
      ${state.items.map(
        (c) =>
          html`<li key=${c.id} class="settings-row">
            <div class="settings-row-text">
              <strong>${c.id}</strong>
              <span class="meta"> · ${channelFacts(c, t)}</span>
            </div>
            ${
              isAdmin && c.kind === 'generic'
                ? html`<div class="settings-buttons">
                    <button type="button" aria-label=${`${t('chanRotate')}: ${c.id}`} onClick=${() => rotate(c)}>
                      ${t('chanRotate')}
                    </button>
                  </div>`
                : null
            }
          </li>`,
      )}
    </ul>
    ${
      shown
        ? html`<div class="token-secret" role="status">
            <p>${t('chanCreated')} ${shown.channelId}. ${t('chanShownOnce')}</p>
            <code data-testid="channel-secret">${shown.secret}</code>
            ${shown.rotated ? html`<p class="hint">${t('chanOldStillValid')}</p>` : null}
            <div class="settings-buttons">
              <button type="button" onClick=${() => setShown(null)}>${t('chanDone')}</button>
            </div>
          </div>`
        : null
    }
    ${
      !state.connected
        ? null
        : isAdmin
          ? html`<form class="settings-form" onSubmit=${create} aria-labelledby="chan-add-title">
              <h4 id="chan-add-title">${t('chanAdd')}</h4>
              <label for="chan-id">${t('chanId')}</label>
              <input
                id="chan-id"
                name="id"
                required
                maxlength="64"
                pattern="[A-Za-z0-9._\\-]{1,64}"
                autocomplete="off"
              />
              <label for="chan-callback">${t('chanCallbackUrl')}</label>
              <input id="chan-callback" name="callbackUrl" type="url" required maxlength="2000" autocomplete="off" />
              <label class="choice"
                ><input type="checkbox" name="identityVerified" /> ${t('chanIdentityVerified')}</label
              >
              <div class="settings-buttons"><button type="submit">${t('chanAdd')}</button></div>
            </form>`
          : html`<p class="hint">${t('adminsOnly')}</p>`
    }
  </section>`;
}
