import type { DemoHost, ThemeName, Unsubscribe } from './host';

const CONTRAST = '(forced-colors: active), (prefers-contrast: more)';
const DARK = '(prefers-color-scheme: dark)';

/** The theme a plain browser asks for: its contrast and colour-scheme preferences. */
function preferredTheme(): ThemeName {
  if (window.matchMedia(CONTRAST).matches) return 'contrast';
  return window.matchMedia(DARK).matches ? 'dark' : 'default';
}

/** Outside any host: demo mode, following the browser's own preferences. */
export function createDemoHost(): DemoHost {
  return {
    kind: 'demo',
    theme: preferredTheme(),
    locale: navigator.language || 'en-US',
    onThemeChange(handler: (theme: ThemeName) => void): Unsubscribe {
      const queries = [window.matchMedia(CONTRAST), window.matchMedia(DARK)];
      const listener = () => handler(preferredTheme());
      for (const query of queries) query.addEventListener('change', listener);
      return () => {
        for (const query of queries) query.removeEventListener('change', listener);
      };
    },
  };
}
