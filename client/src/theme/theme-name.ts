import { createContext, useContext } from 'react';
import type { ThemeName } from '../host/host';

/** The Teams theme in use, for the few parts that pick more than token colours (chart series in high contrast). */
export const ThemeNameContext = createContext<ThemeName>('default');

export const useThemeName = (): ThemeName => useContext(ThemeNameContext);
