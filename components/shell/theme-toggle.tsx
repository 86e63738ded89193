'use client';
// The theme choice (system, light, dark), kept in this browser's localStorage. The inline script
// of app/layout.tsx applied it before paint; this control changes it and applies it at once.
import { useSyncExternalStore, type ChangeEvent } from 'react';
import { parseThemeChoice, resolveTheme, THEME_CHOICES, THEME_STORAGE_KEY, type ThemeChoice } from './theme';

const CHANGED = 'redlens-theme-change';
const LABEL: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function readChoice(): ThemeChoice {
  try {
    return parseThemeChoice(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system'; // storage refused (privacy mode): the system's theme
  }
}

function applyChoice(choice: ThemeChoice) {
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.dataset.theme = resolveTheme(choice, systemDark);
}

function subscribe(onChange: () => void) {
  // Another tab's choice (storage) applies here too; this tab's own announces itself (CHANGED).
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY) return;
    applyChoice(readChoice());
    onChange();
  };
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGED, onChange);
  };
}

export function ThemeToggle() {
  // The server cannot know the stored choice: it renders "System" and the browser corrects it.
  const choice = useSyncExternalStore(subscribe, readChoice, () => 'system' as const);

  function choose(event: ChangeEvent<HTMLSelectElement>) {
    const next = parseThemeChoice(event.target.value);
    try {
      if (next === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
      else window.localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Not kept across reloads, but this page still turns.
    }
    applyChoice(next);
    window.dispatchEvent(new Event(CHANGED));
  }

  return (
    <label className="flex items-center gap-1.5 text-slate-600">
      <span>Theme</span>
      <select
        value={choice}
        onChange={choose}
        data-testid="theme-toggle"
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
      >
        {THEME_CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABEL[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
