export type Role = 'agent' | 'lead' | 'admin';

export const ROLE_RANK: Record<Role, number> = { agent: 1, lead: 2, admin: 3 };

export interface Membership {
  shopId: string;
  role: Role;
}

/** Who is calling, however they signed in. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  locale: string;
  memberships: Membership[];
  via: 'session' | 'token';
  /** Only for session sign-ins: what unsafe requests must echo in X-CSRF-Token. */
  csrfToken?: string;
}

/** The principal acting in one shop with one role: what every handler receives. */
export interface Actor {
  userId: string;
  email: string;
  shopId: string;
  role: Role;
}

export function hasRole(role: Role, atLeast: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[atLeast];
}

/** The shop a request acts in: the one asked for if the user belongs to it, else their only shop. */
export function resolveMembership(memberships: Membership[], requestedShop: string | undefined): Membership | null {
  if (requestedShop) return memberships.find((m) => m.shopId === requestedShop) ?? null;
  return memberships.length === 1
    ? memberships[0]
    : (memberships.find((m) => m.shopId === 'default') ?? memberships[0] ?? null);
}

/** An admin acting in one shop, with every shop they administer: who may change which accounts. */
export interface ShopAdmin {
  shopId: string;
  adminOf: string[];
}

export function shopAdmin(actor: Actor, principal: Principal): ShopAdmin {
  return {
    shopId: actor.shopId,
    adminOf: principal.memberships.filter((m) => m.role === 'admin').map((m) => m.shopId),
  };
}
