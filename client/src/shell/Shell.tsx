import { Suspense, type ReactNode } from 'react';
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChannelConfigPage } from '../config/ChannelConfigPage';
import { ConsentPage } from '../consent/ConsentPage';
import { useRoute } from '../routing/use-route';
import { availableViews, resolveView } from '../routing/views';
import { SessionContext, type Session } from '../session/session';
import { NARROW } from '../layout/narrow';
import { ErrorBoundary } from './ErrorBoundary';
import { VIEW_COMPONENTS } from './view-components';
import { ViewNav, panelIdOf, tabIdOf } from './ViewNav';

const useStyles = makeStyles({
  root: {
    display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    [NARROW]: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  title: { margin: 0 },
  // Wraps under the title when both do not fit (the demo badge and person switcher on a phone).
  mode: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0, maxWidth: '100%', color: tokens.colorNeutralForeground2 },
  panel: { paddingTop: tokens.spacingVerticalS, minWidth: 0 },
});

interface ShellProps {
  session: Session;
  /** Where the tab runs and as whom: "In Teams as …" or the demo person switcher. */
  mode: ReactNode;
  /** A message above the views, e.g. why demo mode cannot sign in. */
  notice?: ReactNode;
}

/** The frame around every view: header, navigation, and the current view. */
export function Shell({ session, mode, notice }: ShellProps) {
  const styles = useStyles();
  const { route, showView } = useRoute();
  const view = resolveView(route.surface, route.view, session.isAdmin);
  const View = view === undefined ? undefined : VIEW_COMPONENTS[view];

  return (
    <SessionContext.Provider value={session}>
      <div className={styles.root}>
        <header className={styles.header}>
          <Text as="h1" size={600} weight="semibold" className={styles.title}>Unplug</Text>
          <div className={styles.mode}>{mode}</div>
        </header>
        {notice}
        {route.surface === 'config' && <ChannelConfigPage />}
        {route.surface === 'consent' && <ConsentPage />}
        {view !== undefined && View !== undefined && (
          <>
            <ViewNav views={availableViews(route.surface, session.isAdmin)} selected={view} onSelect={showView} />
            <main className={styles.panel}>
              <div role="tabpanel" id={panelIdOf(view)} aria-labelledby={tabIdOf(view)}>
                <ErrorBoundary key={view}>
                  <Suspense fallback={<Spinner size="small" label="Loading the view…" />}>
                    <View />
                  </Suspense>
                </ErrorBoundary>
              </div>
            </main>
          </>
        )}
      </div>
    </SessionContext.Provider>
  );
}
