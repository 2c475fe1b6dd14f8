// The desk's pages besides the draft queue, reached by the header's navigation and by their address (#/id/...).
// Each page is a component given { t, me, locale, route, setNotice, navigate }: `route` holds the address segments
// after its id (e.g. #/conversations/42 gives ['42']). A page adds its strings with addMessages (i18n.js).
// `roles`, if given, lists the roles that see the page in the navigation (the API decides what they may do).

export interface DeskView {
  id: string;
  /** The i18n key of its name in the navigation. */
  label: string;
  component: unknown;
  roles?: string[];
}

export const VIEWS: DeskView[] = [];

/** The page an address names: the draft queue ('drafts') unless it names a known page. */
export function routeOf(hash: string, views: DeskView[] = VIEWS) {
  const [id = '', ...rest] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const view = views.find((v) => v.id === id);
  return view ? { id: view.id, view, route: rest } : { id: 'drafts', view: null, route: [] };
}

/** Whether a user with these memberships sees the page in the navigation. */
export function visibleTo(view: DeskView, memberships: { role: string }[] | undefined) {
  const roles = view.roles;
  return !roles || (memberships ?? []).some((m) => roles.includes(m.role));
}
