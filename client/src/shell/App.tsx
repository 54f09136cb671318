import { useEffect } from 'react';
import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import type { TabHost } from '../host/host';
import { useTouchLayout } from '../layout/use-touch-layout';
import { FLUENT_THEMES } from '../theme/themes';
import { ThemeNameContext } from '../theme/theme-name';
import { useHostTheme } from '../theme/use-host-theme';
import { DemoSession } from './DemoSession';
import { ErrorBoundary } from './ErrorBoundary';
import { TeamsSession } from './TeamsSession';

const useStyles = makeStyles({
  // minWidth 0 / overflowWrap: a long word (an address, a setting's name) wraps instead of widening the page.
  root: { minHeight: '100vh', minWidth: 0, overflowWrap: 'break-word', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
});

export function App({ host }: { host: TabHost }) {
  const styles = useStyles();
  const theme = useHostTheme(host);
  useTouchLayout(host);
  const locale = host.kind === 'teams' ? host.context.locale : host.locale;

  // On the document too, so the page around the provider (and tests) see the theme and language.
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
    document.documentElement.lang = locale;
  }, [theme, locale]);

  return (
    // Styles go on a div inside the provider: Fluent copies the provider's own class names onto
    // every portal's mount node (pop-ups, dialogs, chart callouts), which must not cover the page.
    <FluentProvider theme={FLUENT_THEMES[theme]}>
      <ThemeNameContext.Provider value={theme}>
        <div className={styles.root} data-theme={theme}>
          <ErrorBoundary>
            {host.kind === 'teams' ? <TeamsSession host={host} /> : <DemoSession host={host} />}
          </ErrorBoundary>
        </div>
      </ThemeNameContext.Provider>
    </FluentProvider>
  );
}
