import type { Surface, ViewId } from './route';

export const VIEW_LABELS: Readonly<Record<ViewId, string>> = {
  balance: 'Balance',
  trend: 'Trend',
  suggestions: 'Suggestions',
  'quiet-time': 'Quiet time',
  privacy: 'Privacy',
  team: 'Team',
  admin: 'Admin',
};

const PERSONAL_VIEWS: readonly ViewId[] = ['balance', 'trend', 'suggestions', 'quiet-time', 'privacy'];

/** The views a surface offers, in navigation order. The configuration and consent pages have none. */
export function availableViews(surface: Surface, isAdmin: boolean): ViewId[] {
  if (surface === 'config' || surface === 'consent') return [];
  const views = surface === 'team' ? ['team' as const, ...PERSONAL_VIEWS] : [...PERSONAL_VIEWS];
  return isAdmin ? [...views, 'admin'] : views;
}

/** The view to show: the one asked for when this surface offers it, else the surface's first. */
export function resolveView(surface: Surface, requested: ViewId | undefined, isAdmin: boolean): ViewId | undefined {
  const views = availableViews(surface, isAdmin);
  return requested !== undefined && views.includes(requested) ? requested : views[0];
}
