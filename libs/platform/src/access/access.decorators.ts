import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'draftdesk:public';
export const AUTH_REALM = 'draftdesk:auth-realm';
export const AUTHENTICATOR = 'draftdesk:authenticator';

/**
 * The realms of the suite. A realm is the set of routes one kind of credential opens; an app's authenticators
 * name the realms they serve, so a token for one API never opens another.
 */
export const Realms = {
  review: 'review',
  kb: 'kb',
  conversations: 'conversations',
  mailAdmin: 'mail-admin',
  chatAdmin: 'chat-admin',
} as const;
export type RealmName = (typeof Realms)[keyof typeof Realms];

/** Open to anyone: health, metrics, signed webhooks, sign-in, the agent UI's files, API documents. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The realm whose authenticators may open this controller's (or handler's) routes. */
export const AuthRealm = (realm: RealmName) => SetMetadata(AUTH_REALM, realm);

/** Marks a provider as an authenticator; the access guard finds every one of them in the app. */
export const RealmAuthenticator = () => SetMetadata(AUTHENTICATOR, true);
