import { useEffect, useState } from 'react';
import type { TabHost, ThemeName } from '../host/host';

function initialTheme(host: TabHost): ThemeName {
  return host.kind === 'teams' ? host.context.theme : host.theme;
}

/** The host's current theme, following live changes (Teams `themeChange`, browser preferences). */
export function useHostTheme(host: TabHost): ThemeName {
  const [theme, setTheme] = useState<ThemeName>(() => initialTheme(host));
  useEffect(() => host.onThemeChange(setTheme), [host]);
  return theme;
}
