import { routeOf, visibleTo } from './views';

const page = (id: string, roles?: string[]) => ({ id, label: id, component: () => null, roles });

describe('the desk pages', () => {
  const views = [page('inbox'), page('settings', ['admin', 'lead'])];

  it('reads the page and its segments from the address', () => {
    expect(routeOf('#/inbox', views)).toMatchObject({ id: 'inbox', route: [] });
    expect(routeOf('#/inbox/open/a%20b', views)).toMatchObject({ id: 'inbox', route: ['open', 'a b'] });
  });

  it('falls back to the draft queue for an empty or unknown address', () => {
    for (const hash of ['', '#', '#/', '#/nowhere', '#/drafts'])
      expect(routeOf(hash, views)).toEqual({ id: 'drafts', view: null, route: [] });
  });

  it('shows a page limited to roles only to members with one of them', () => {
    expect(visibleTo(views[0], [])).toBe(true);
    expect(visibleTo(views[1], [{ role: 'agent' }])).toBe(false);
    expect(visibleTo(views[1], [{ role: 'agent' }, { role: 'lead' }])).toBe(true);
  });
});
