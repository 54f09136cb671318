import { useCallback, useEffect, useState } from 'react';
import { parseRoute, pathOf, type Route, type ViewId } from './route';

/** The route in the address bar, with browser back/forward; `showView` pushes a new entry. */
export function useRoute(): { route: Route; showView(view: ViewId): void } {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.pathname));

  useEffect(() => {
    const onPopState = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const { surface } = route;
  const showView = useCallback((view: ViewId) => {
    // Keep the query string: Teams may put the tab's own parameters there.
    window.history.pushState(null, '', pathOf(surface, view) + window.location.search);
    setRoute({ surface, view });
  }, [surface]);

  return { route, showView };
}
