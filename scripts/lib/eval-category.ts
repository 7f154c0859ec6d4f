/**
 * The category a query is reported under: the one its entry names, else
 * `cross-language` when a Chinese-only query expects records written in
 * English. (An English query for a Chinese record is tagged in the set:
 * codes and ports read as English, so the language alone cannot tell.)
 */
import { queryLanguage, type EvalQuery } from './eval-set.ts';

/** The category of automatically detected cross-language queries. */
export const CROSS_LANGUAGE = 'cross-language';

/** `q.category`, or `cross-language` for a Chinese-only query whose expected records are all English; `languages` maps id → record language. */
export function categoryOf(q: EvalQuery, languages: ReadonlyMap<string, string>): string | undefined {
  if (q.category) return q.category;
  const language = queryLanguage(q.query);
  if (language !== 'zh' || q.expect.length === 0) return undefined;
  return q.expect.every((id) => !(languages.get(id) ?? '').startsWith('zh')) ? CROSS_LANGUAGE : undefined;
}
