/** Looks up UI strings and taxonomy labels for a language. */
import { TAXONOMY_LABELS, type TaxonomyLabels } from './taxonomy.ts';
import { en, fill, zh, type Dictionary, type UiKey } from './ui.ts';
import type { Lang } from './lang.ts';

const DICTIONARIES: Record<Lang, Dictionary> = { zh, en };

/** Translator for one language: `t('libraryTitle')`, `t('countAll', { total: 4 })`, `t.labels.kind.advisory`. */
export interface Translator {
  (key: UiKey, values?: Record<string, string | number>): string;
  lang: Lang;
  labels: TaxonomyLabels;
  /** `{count} records` or its singular form: `t.count(1)` is `1 record`. */
  count: (count: number) => string;
}

/** A translator bound to `lang`. */
export function useTranslations(lang: Lang): Translator {
  const dictionary = DICTIONARIES[lang];
  const t = ((key: UiKey, values?: Record<string, string | number>) =>
    values ? fill(dictionary[key], values) : dictionary[key]) as Translator;
  t.lang = lang;
  t.labels = TAXONOMY_LABELS[lang];
  t.count = (count) => (count === 1 ? dictionary.recordCountOne : fill(dictionary.recordCount, { count }));
  return t;
}
