/**
 * Which UI language a page without one in its address (the site root, the
 * 404) should speak: the address's own language first (`/en/…`), else the
 * first of the browser's languages the site speaks, else the default.
 */
import { DEFAULT_LANG, LANGS, type Lang } from '../i18n/lang.ts';

/** The UI language of `pathname` below `base` (`/en/x/` → `en`), or `undefined`. */
export function langOfPath(pathname: string, base: string): Lang | undefined {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\/+/, '');
  const first = rest.split('/')[0];
  return (LANGS as readonly string[]).includes(first ?? '') ? (first as Lang) : undefined;
}

/** The first of `languages` (BCP 47, e.g. `en-US`, `zh-Hant-TW`) the site speaks, else `DEFAULT_LANG`. */
export function preferredLang(languages: readonly string[], fallback: Lang = DEFAULT_LANG): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if ((LANGS as readonly string[]).includes(primary ?? '')) return primary as Lang;
  }
  return fallback;
}

/** The language for this page: from the address, else the browser's languages. */
export function pageLang(location: { pathname: string }, languages: readonly string[], base: string): Lang {
  return langOfPath(location.pathname, base) ?? preferredLang(languages);
}
