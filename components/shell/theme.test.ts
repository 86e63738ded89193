import { describe, expect, it } from 'vitest';
import { parseThemeChoice, resolveTheme, THEME_SCRIPT, THEME_STORAGE_KEY } from './theme';

/** Runs the inline script as the browser would, against a stored value and the system's setting. */
function runScript(stored: string | null, systemDark: boolean) {
  const listeners: Array<() => void> = [];
  const media = { matches: systemDark, addEventListener: (_: string, listener: () => void) => listeners.push(listener) };
  const documentElement = { dataset: {} as Record<string, string> };
  const window = { matchMedia: () => media };
  const localStorage = { getItem: (key: string) => (key === THEME_STORAGE_KEY ? stored : null) };
  new Function('window', 'document', 'localStorage', THEME_SCRIPT)(window, { documentElement }, localStorage);
  return { theme: () => documentElement.dataset.theme, systemTurns: (dark: boolean) => ((media.matches = dark), listeners.forEach((l) => l())) };
}

describe('theme choice', () => {
  it('reads only the two kept choices; anything else is the system', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice(null)).toBe('system');
    expect(parseThemeChoice('purple')).toBe('system');
  });

  it('resolves the system choice by the system setting', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('the inline script of the root layout', () => {
  it('follows the system when nothing is kept, also when the system turns', () => {
    const page = runScript(null, true);
    expect(page.theme()).toBe('dark');
    page.systemTurns(false);
    expect(page.theme()).toBe('light');
  });

  it('keeps the stored choice over the system', () => {
    const page = runScript('light', true);
    expect(page.theme()).toBe('light');
    page.systemTurns(true);
    expect(page.theme()).toBe('light');
    expect(runScript('dark', false).theme()).toBe('dark');
  });

  it('ignores a stored value it does not know', () => {
    expect(runScript('sepia', false).theme()).toBe('light');
  });
});
