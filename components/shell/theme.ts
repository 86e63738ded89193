// The theme's one vocabulary, shared by the root layout's script (/theme.js, runs before paint, so no
// flash of the wrong theme) and the toggle in the user menu. The palette is app/globals.css's.

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/** Kept per browser: the choice is a reading preference, not an account setting. */
export const THEME_STORAGE_KEY = 'redlens-theme';

export const THEME_CHOICES: ThemeChoice[] = ['system', 'light', 'dark'];

export function parseThemeChoice(value: string | null): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/**
 * Sets <html data-theme> from the stored choice, else the system's, and follows the system while
 * no choice is stored. A string, not a function's source: it runs before React and any bundle.
 */
export const THEME_SCRIPT = `(function(){try{var k=${JSON.stringify(THEME_STORAGE_KEY)},m=window.matchMedia('(prefers-color-scheme: dark)');function a(){var c=localStorage.getItem(k);document.documentElement.dataset.theme=c==='dark'||c==='light'?c:(m.matches?'dark':'light')}a();m.addEventListener('change',a)}catch(e){}})()`;
