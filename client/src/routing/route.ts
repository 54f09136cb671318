/**
 * The server serves the tab at `/` and `/tab` (personal tab), `/config` (a channel tab's
 * configuration page) and `/team` (the channel tab). A view may follow: `/tab/suggestions`.
 * `/tab/consent` is the page Teams opens in its authentication pop-up for the consent flow.
 */
export type Surface = 'personal' | 'config' | 'team' | 'consent';

export type ViewId = 'balance' | 'trend' | 'suggestions' | 'quiet-time' | 'privacy' | 'team' | 'admin';

export const VIEW_IDS: readonly ViewId[] = ['balance', 'trend', 'suggestions', 'quiet-time', 'privacy', 'team', 'admin'];

export interface Route {
  surface: Surface;
  /** The view named in the path, if any (not checked against what the person may see). */
  view: ViewId | undefined;
}

function isViewId(value: string | undefined): value is ViewId {
  return value !== undefined && (VIEW_IDS as readonly string[]).includes(value);
}

export function parseRoute(pathname: string): Route {
  const [first, second] = pathname.split('/').filter(Boolean);
  const view = isViewId(second) ? second : undefined;
  switch (first) {
    case 'config': return { surface: 'config', view: undefined };
    case 'team': return { surface: 'team', view };
    case 'tab': return second === 'consent' ? { surface: 'consent', view: undefined } : { surface: 'personal', view };
    default: return { surface: 'personal', view };
  }
}

export function pathOf(surface: Surface, view: ViewId | undefined): string {
  if (surface === 'config') return '/config';
  if (surface === 'consent') return '/tab/consent';
  const base = surface === 'team' ? '/team' : '/tab';
  return view === undefined ? base : `${base}/${view}`;
}

/**
 * Where a Teams deep link into the personal tab leads: its sub-page (`subEntityId`) names a view,
 * opened when the address names none. `undefined`: stay where the address says.
 * @example deepLinkedPath('/tab', 'quiet-time') // '/tab/quiet-time'
 */
export function deepLinkedPath(pathname: string, subPageId: string | undefined): string | undefined {
  const route = parseRoute(pathname);
  if (route.surface !== 'personal' || route.view !== undefined || !isViewId(subPageId)) return undefined;
  return pathOf('personal', subPageId);
}
