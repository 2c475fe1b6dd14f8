// Settings: the shop's users and their roles. Leads see the list; admins invite, change roles and remove.
import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { api } from '../api.js';
import { addMessages } from '../i18n.js';
import { problemOf } from './settings-common.js';

const html = htm.bind(h);
const ROLES = ['agent', 'lead', 'admin'];

addMessages({
  en: {
    usersAndRoles: 'Users and roles',
    userName: 'Name',
    userRole: 'Role',
    userRemove: 'Remove from shop',
    userInvite: 'Add user',
    userPassword: 'Password (at least 12 characters; leave empty to sign in with single sign-on)',
    userAdded: 'User added',
    userRemoved: 'User removed from the shop',
    roleChanged: 'Role changed',
    roleOf: 'Role of',
    you: 'you',
  },
  nl: {
    usersAndRoles: 'Gebruikers en rollen',
    userName: 'Naam',
    userRole: 'Rol',
    userRemove: 'Uit de winkel verwijderen',
    userInvite: 'Gebruiker toevoegen',
    userPassword: 'Wachtwoord (minstens 12 tekens; leeg laten om met single sign-on in te loggen)',
    userAdded: 'Gebruiker toegevoegd',
    userRemoved: 'Gebruiker uit de winkel verwijderd',
    roleChanged: 'Rol gewijzigd',
    roleOf: 'Rol van',
    you: 'jij',
  },
});

function InviteForm({ t, onAdded, setNotice }) {
  const submit = async (ev) => {
    ev.preventDefault();
    const form = new FormData(ev.target);
    const password = String(form.get('password') ?? '');
    try {
      await api('/v1/users', {
        method: 'POST',
        body: {
          email: String(form.get('email') ?? '').trim(),
          name: String(form.get('name') ?? '').trim(),
          role: form.get('role'),
          ...(password ? { password } : {}),
        },
      });
      ev.target.reset();
      setNotice(t('userAdded'));
      onAdded();
    } catch (e) {
      setNotice(problemOf(e));
    }
  };
  return html`<form class="settings-form" onSubmit=${submit} aria-labelledby="invite-title">
    <h4 id="invite-title">${t('userInvite')}</h4>
    <label for="invite-email">${t('email')}</label>
    <input id="invite-email" name="email" type="email" required maxlength="320" autocomplete="off" />
    <label for="invite-name">${t('userName')}</label>
    <input id="invite-name" name="name" maxlength="200" autocomplete="off" />
    <label for="invite-role">${t('userRole')}</label>
    <select id="invite-role" name="role">
      ${ROLES.map((r) => html`<option value=${r}>${t(`role_${r}`)}</option>`)}
    </select>
    <label for="invite-password">${t('userPassword')}</label>
    <input id="invite-password" name="password" type="password" minlength="12" autocomplete="new-password" />
    <div class="settings-buttons"><button type="submit">${t('userInvite')}</button></div>
  </form>`;
}

export function UserSettings({ t, me, role, setNotice }) {
  const [users, setUsers] = useState([]);
  const [removing, setRemoving] = useState(null);
  const isAdmin = role === 'admin';
  const load = async () => setUsers((await api('/v1/users')).items);
  useEffect(() => {
    load().catch((e) => setNotice(problemOf(e)));
  }, []);
  const changeRole = async (user, newRole) => {
    try {
      await api(`/v1/users/${user.id}`, { method: 'PATCH', body: { role: newRole } });
      setNotice(`${t('roleChanged')}: ${user.email} — ${t(`role_${newRole}`)}`);
    } catch (e) {
      setNotice(problemOf(e));
    }
    await load();
  };
  const remove = async (user) => {
    try {
      await api(`/v1/users/${user.id}`, { method: 'DELETE' });
      setNotice(`${t('userRemoved')}: ${user.email}`);
    } catch (e) {
      setNotice(problemOf(e));
    }
    setRemoving(null);
    await load();
  };
  return html`<section class="settings-section" aria-labelledby="settings-users">
    <h3 id="settings-users">${t('usersAndRoles')}</h3>
    <ul class="settings-list" data-testid="users">
      ${users.map(
        (u) =>
          html`<li key=${u.id} class="settings-row">
            <div class="settings-row-text">
              <strong>${u.name || u.email}</strong
              >${u.id === me.userId ? html` <span class="meta">(${t('you')})</span>` : null}
              ${u.name ? html`<span class="meta"> · ${u.email}</span>` : null}
            </div>
            <div class="settings-buttons">
              ${
                isAdmin
                  ? html`<label class="sr-only" for=${`role-${u.id}`}>${t('roleOf')} ${u.email}</label>
                      <select id=${`role-${u.id}`} value=${u.role} onChange=${(e) => changeRole(u, e.target.value)}>
                        ${ROLES.map((r) => html`<option value=${r}>${t(`role_${r}`)}</option>`)}
                      </select>
                      ${
                        removing === u.id
                          ? html`<button type="button" class="danger" onClick=${() => remove(u)}>
                                ${t('confirmDelete')}: ${u.email}
                              </button>
                              <button type="button" onClick=${() => setRemoving(null)}>${t('cancel')}</button>`
                          : html`<button
                              type="button"
                              aria-label=${`${t('userRemove')}: ${u.email}`}
                              onClick=${() => setRemoving(u.id)}
                            >
                              ${t('userRemove')}
                            </button>`
                      }`
                  : html`<span>${t(`role_${u.role}`)}</span>`
              }
            </div>
          </li>`,
      )}
    </ul>
    ${isAdmin ? html`<${InviteForm} t=${t} onAdded=${load} setNotice=${setNotice} />` : html`<p class="hint">${t('adminsOnly')}</p>`}
  </section>`;
}
