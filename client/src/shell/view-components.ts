import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ViewId } from '../routing/route';

/** Every view is its own chunk, so heavy ones (the balance chart) never weigh on the first load. */
export const VIEW_COMPONENTS: Readonly<Record<ViewId, LazyExoticComponent<ComponentType>>> = {
  balance: lazy(() => import('../views/balance/BalanceView').then((m) => ({ default: m.BalanceView }))),
  trend: lazy(() => import('../views/trend/TrendView').then((m) => ({ default: m.TrendView }))),
  suggestions: lazy(() => import('../views/suggestions/SuggestionsView').then((m) => ({ default: m.SuggestionsView }))),
  'quiet-time': lazy(() => import('../views/quiet-time/QuietTimeView').then((m) => ({ default: m.QuietTimeView }))),
  privacy: lazy(() => import('../views/privacy/PrivacyView').then((m) => ({ default: m.PrivacyView }))),
  team: lazy(() => import('../views/team/TeamView').then((m) => ({ default: m.TeamView }))),
  admin: lazy(() => import('../views/admin/AdminView').then((m) => ({ default: m.AdminView }))),
};
