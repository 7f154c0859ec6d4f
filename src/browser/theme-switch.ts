/**
 * The header's theme button: system → light → dark → system. The choice is
 * remembered (localStorage, key shared with src/site/theme-init.ts, which applies
 * it before the first paint); "system" forgets it, so the page follows the OS.
 */
import { pageStorage, readStored, THEME_KEY, writeStored } from './stored-choice.ts';

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The stored choice; anything else (or storage switched off) is "system". */
export function storedTheme(storage: Pick<Storage, 'getItem'> | undefined): Theme {
  const value = readStored(storage, THEME_KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function nextTheme(theme: Theme): Theme {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
}

function apply(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

/** Wires every `[data-theme-switch]` button; its labels come from data-label-{theme}. */
export function setupThemeSwitch(): void {
  let theme = storedTheme(pageStorage());
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-theme-switch]')];
  const show = () => {
    for (const button of buttons) {
      const label = button.querySelector('[data-theme-label]');
      if (label) label.textContent = button.dataset[`label${theme[0]!.toUpperCase()}${theme.slice(1)}`] ?? theme;
      button.dataset.current = theme;
    }
  };
  for (const button of buttons) {
    button.addEventListener('click', () => {
      theme = nextTheme(theme);
      apply(theme);
      // "System" forgets the choice, so the page follows the OS again.
      writeStored(THEME_KEY, theme === 'system' ? undefined : theme);
      show();
    });
  }
  show();
}
