/**
 * The reader's remembered choices (theme, UI language) in localStorage, read
 * and written so that storage switched off or throwing (private mode, a
 * sandboxed frame, a full quota) never breaks the page: the choice then lasts
 * for this page only. Safe to import at build time (it touches no browser
 * global until called).
 */

/** localStorage key of the theme choice; read before the first paint by src/site/theme-init.ts. */
export const THEME_KEY = 'precedent-theme';
/** localStorage key of the remembered UI language. */
export const LANG_KEY = 'precedent-lang';

/** The page's localStorage, or undefined where even reaching it throws. */
export function pageStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The value stored under `key`; undefined when there is none or storage is off. */
export function readStored(storage: Pick<Storage, 'getItem'> | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores `value` under `key`, or forgets the key for undefined; does nothing when storage is off. */
export function writeStored(key: string, value: string | undefined, storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = pageStorage()): void {
  try {
    if (value === undefined) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Storage off or full: the choice lasts for this page only.
  }
}
