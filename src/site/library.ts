/**
 * The library at any size: pages of `LIBRARY_PAGE_SIZE` records (`/{lang}/`,
 * then `/{lang}/page/2/` …; tag and category pages alike), and the compact list of every record
 * (`library.json`) the filters read, so a filter covers the whole library
 * while a page carries only its own records.
 */
import type { LibraryRow } from '../browser/library-row.ts';
import { portText } from './symptoms.ts';
import type { RecordEntry } from './records.ts';
import { recordSeverity } from './severity.ts';

/** Records per library page. */
export const LIBRARY_PAGE_SIZE = 100;
/** Name of the compact record list, at the site root. */
export const LIBRARY_ROWS_FILE = 'library.json';

/** The records of each page, in order (one empty page for an empty library). */
export function libraryPages<T>(entries: readonly T[], size: number = LIBRARY_PAGE_SIZE): T[][] {
  const pages: T[][] = [];
  for (let start = 0; start < entries.length; start += size) pages.push(entries.slice(start, start + size));
  return pages.length > 0 ? pages : [[]];
}

/**
 * The path segments of page `page` (1-based) of a paged list whose first page
 * is at `segments`: `['tags', 'nat']`, then `['tags', 'nat', 'page', '2']` ….
 */
export function pageSegments(segments: readonly string[], page: number): string[] {
  return page <= 1 ? [...segments] : [...segments, 'page', String(page)];
}

/** The rest parameter (`[...page].astro`) of page `page`: none for the first, `page/2` … after. */
export function pageParam(page: number): string | undefined {
  return page <= 1 ? undefined : `page/${page}`;
}

/** One page of a paged list, for `getStaticPaths` of a `[...page].astro` route. */
export interface ListPage<T> {
  /** The rest parameter: undefined for the first page, `page/2` … after. */
  param: string | undefined;
  entries: T[];
  /** 1-based. */
  page: number;
  pages: number;
}

/** Every page of a list of `entries`, `size` a page (one empty page for an empty list). */
export function listPages<T>(entries: readonly T[], size: number = LIBRARY_PAGE_SIZE): ListPage<T>[] {
  const pages = libraryPages(entries, size);
  return pages.map((items, i) => ({ param: pageParam(i + 1), entries: items, page: i + 1, pages: pages.length }));
}

/** A record as `library.json` lists it; `severity` is the effective one (src/site/severity.ts). */
export function libraryRow(entry: RecordEntry): LibraryRow {
  const d = entry.data;
  const { severity } = recordSeverity(d);
  const text = [
    d.sourceSeverity,
    ...d.products.flatMap((p) => [p.name, ...p.versions, p.fixedIn]),
    // Often the summary again (importers fill both from one paragraph): sent once.
    d.rootCause.summary === d.summary ? undefined : d.rootCause.summary,
    ...(d.symptoms?.errors ?? []).flatMap((e) => [e.code, e.message]),
    ...(d.symptoms?.ports ?? []).map(portText),
    ...(d.symptoms?.identifiers ?? []),
    ...(d.symptoms?.hosts ?? []),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return {
    id: entry.id,
    title: d.title,
    ...(d.titleEn ? { titleEn: d.titleEn } : {}),
    language: d.language,
    kind: d.kind,
    ...(severity ? { severity } : {}),
    ...(d.sourceSeverity ? { sourceSeverity: d.sourceSeverity } : {}),
    category: d.rootCause.category,
    ...(d.date ? { date: d.date } : {}),
    ...(d.draft ? { draft: true } : {}),
    summary: d.summary,
    services: d.services,
    tags: d.tags,
    text,
  };
}
