/** UI languages and the URL helpers every page builds its links with. */

/** UI languages, in the order the site offers them; the first is the default. */
export const LANGS = ['zh', 'en'] as const;
/** A UI language. */
export type Lang = (typeof LANGS)[number];
/** Replaced at build time by `defaultLang` of precedent.config.json (`vite.define` in astro.config.mjs); absent in plain Node. */
declare const __PRECEDENT_DEFAULT_LANG__: string | undefined;
/**
 * The language `/` leads to: `defaultLang` of `precedent.config.json`. Passed
 * in by the build, not read from the file, because this module also runs in
 * the browser; a global constant rather than `import.meta.env`, which Astro
 * fills from same-named environment variables.
 */
export const DEFAULT_LANG: Lang =
  typeof __PRECEDENT_DEFAULT_LANG__ === 'string' && isLang(__PRECEDENT_DEFAULT_LANG__) ? __PRECEDENT_DEFAULT_LANG__ : 'zh';

/** BCP 47 locale used by `Intl` for each UI language. */
export const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/** True when `value` is a UI language. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The other UI language (the switcher's target). */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** The site's base path with exactly one trailing slash, e.g. `/` or `/docs/`. */
export const BASE: string = `${(import.meta.env?.BASE_URL ?? '/').replace(/\/+$/, '')}/`;

/**
 * Site-relative URL of a page: `localePath('en', 'records', id)` is
 * `{base}en/records/{id}/`. Segments are URL-encoded; pass none for the library.
 */
export function localePath(lang: Lang, ...segments: string[]): string {
  const rest = segments.map((segment) => `${encodeURIComponent(segment)}/`).join('');
  return `${BASE}${lang}/${rest}`;
}

/** URL of the matcher page for a language (the search form's action). */
export function matcherPath(lang: Lang): string {
  return localePath(lang, 'match');
}
