/**
 * The reader's explicit language choice: a click on the header's language
 * switch is remembered (localStorage), and the site root sends a returning
 * reader to that language, else to the first of the browser's languages the
 * site speaks (src/browser/choose-lang.ts).
 */
import { LANGS, localePath, type Lang } from '../i18n/lang.ts';
import { preferredLang } from './choose-lang.ts';
import { LANG_KEY, readStored, writeStored } from './stored-choice.ts';

export { LANG_KEY };

/** The remembered language, if any (storage may be off or hold anything). */
export function rememberedLang(storage: Pick<Storage, 'getItem'> | undefined): Lang | undefined {
  const value = readStored(storage, LANG_KEY) ?? '';
  return (LANGS as readonly string[]).includes(value) ? (value as Lang) : undefined;
}

/** The library the root sends a reader to: the remembered choice, else the browser's languages. */
export function rootTarget(storage: Pick<Storage, 'getItem'> | undefined, languages: readonly string[]): string {
  return localePath(rememberedLang(storage) ?? preferredLang(languages));
}

/** Remembers the language of a language-switch link when the reader follows it. */
export function rememberLangChoice(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.lang-switch a[data-lang]')) {
    link.addEventListener('click', () => writeStored(LANG_KEY, link.dataset.lang ?? ''));
  }
}
