// What the settings page's sections share: their common strings, the caller's role, an error in words, and a row's
// edit and delete buttons.
import { h } from 'preact';
import htm from 'htm';
import { addMessages } from '../i18n.js';

const html = htm.bind(h);

addMessages({
  en: {
    settings: 'Settings',
    settingsIntro:
      'What your team works with: canned replies, the knowledge base, who has which role, API tokens, the shop’s times, what may be sent without a person, and the mailboxes and chat channels customers write in through.',
    save: 'Save',
    saved: 'Saved',
    delete: 'Delete',
    confirmDelete: 'Yes, delete',
    role_agent: 'Agent',
    role_lead: 'Team lead',
    role_admin: 'Admin',
    adminsOnly: 'Only admins can change this.',
    settingsForLeads: 'The settings are for team leads and admins.',
  },
  nl: {
    settings: 'Instellingen',
    settingsIntro:
      'Waarmee je team werkt: standaardantwoorden, de kennisbank, wie welke rol heeft, API-tokens, de tijden van de winkel, wat zonder medewerker verstuurd mag worden, en de mailboxen en chatkanalen waarlangs klanten schrijven.',
    save: 'Opslaan',
    saved: 'Opgeslagen',
    delete: 'Verwijderen',
    confirmDelete: 'Ja, verwijderen',
    role_agent: 'Medewerker',
    role_lead: 'Teamleider',
    role_admin: 'Beheerder',
    adminsOnly: 'Alleen beheerders kunnen dit wijzigen.',
    settingsForLeads: 'De instellingen zijn voor teamleiders en beheerders.',
  },
});

/** The role of the signed-in user in the shop the API acts in (their only shop, else "default", else the first). */
export function roleInShop(me) {
  const memberships = me?.memberships ?? [];
  const membership =
    memberships.length === 1 ? memberships[0] : (memberships.find((m) => m.shopId === 'default') ?? memberships[0]);
  return membership?.role ?? 'agent';
}

/** An API error's message with the fields it names, for the notice line. */
export function problemOf(e) {
  const fields = (e?.body?.errors ?? []).map((f) => `${f.field} ${f.message}`);
  return fields.length ? fields.join('; ') : (e?.message ?? String(e));
}

/** A row's Edit and Delete; Delete asks again (`deleting`) before `onDelete` runs. Names say which row they act on. */
export function RowButtons({ t, name, editLabel, deleting, onEdit, onAskDelete, onDelete, onCancelDelete }) {
  return html`<div class="settings-buttons">
    ${
      deleting
        ? html`<button type="button" class="danger" onClick=${onDelete}>${t('confirmDelete')}: ${name}</button>
            <button type="button" onClick=${onCancelDelete}>${t('cancel')}</button>`
        : html`<button type="button" aria-label=${`${editLabel}: ${name}`} onClick=${onEdit}>${editLabel}</button>
            <button type="button" aria-label=${`${t('delete')}: ${name}`} onClick=${onAskDelete}>
              ${t('delete')}
            </button>`
    }
  </div>`;
}
