// The settings page (#/settings, leads and admins): canned replies, the knowledge base, users and roles, API tokens,
// the shop's send delay, business hours and SLA targets, its auto-send policy, and the mailboxes and chat channels
// customers write in through. Each section is its own component and file; the API decides who may change what (leads
// read users, shop settings and the policy, admins change them).
import { h } from 'preact';
import htm from 'htm';
import { VIEWS } from '../views';
import { roleInShop } from './settings-common.js';
import { CannedSettings } from './settings-canned.js';
import { KbSettings } from './settings-kb.js';
import { ChatChannelSettings } from './settings-chat-channels.js';
import { MailboxSettings } from './settings-mailboxes.js';
import { PolicySettings } from './settings-policy.js';
import { ShopSettings } from './settings-shop.js';
import { TokenSettings } from './settings-tokens.js';
import { UserSettings } from './settings-users.js';

const html = htm.bind(h);

export function SettingsPage({ t, me, locale, setNotice }) {
  const role = roleInShop(me);
  if (role === 'agent')
    return html`<div class="settings">
      <h2>${t('settings')}</h2>
      <p>${t('settingsForLeads')}</p>
    </div>`;
  const props = { t, me, locale, role, setNotice };
  return html`<div class="settings">
    <h2>${t('settings')}</h2>
    <p class="hint">${t('settingsIntro')}</p>
    <${CannedSettings} ...${props} />
    <${KbSettings} ...${props} />
    <${UserSettings} ...${props} />
    <${TokenSettings} ...${props} />
    <${ShopSettings} ...${props} />
    <${MailboxSettings} ...${props} />
    <${ChatChannelSettings} ...${props} />
    <${PolicySettings} ...${props} />
  </div>`;
}

VIEWS.push({ id: 'settings', label: 'settings', component: SettingsPage, roles: ['admin', 'lead'] });
