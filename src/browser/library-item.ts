/**
 * A library list item built in the browser from a `library.json` row: the
 * same markup as `RecordList.astro` renders at build time. Every value goes
 * in as text, never as HTML.
 */
import type { LibraryRow } from './library-row.ts';

/** UI words and labels for client-rendered items, from the page (`data-labels`). */
export interface RowLabels {
  lang: string;
  /** BCP 47 locale for dates. */
  locale: string;
  /** Site-relative path of record pages, ending in `/`, e.g. `/en/records/`. */
  recordBase: string;
  kind: Record<string, string>;
  severity: Record<string, string>;
  category: Record<string, string>;
  severityTitle: string;
  sourceSeverityTitle: string;
  /** Follows a source label no map covers: ` (source label)`. */
  sourceLabelSuffix: string;
  categoryTitle: string;
  draft: string;
  undated: string;
  services: string;
  loadError: string;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

function badge(tone: string, title: string | undefined, ...content: Array<Node | string>): HTMLSpanElement {
  return element('span', { class: `badge badge-${tone}`, ...(title ? { title } : {}) }, ...content);
}

/** Formats a `YYYY-MM-DD` day as `RecordList.astro` does (`formatDay`). */
function formatDay(day: string, locale: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** The `<li>` for one record. */
export function renderRow(row: LibraryRow, labels: RowLabels): HTMLLIElement {
  const title = element('h3', { class: 'record-title' }, element('a', { href: `${labels.recordBase}${encodeURIComponent(row.id)}/`, lang: row.language }, row.title));
  if (labels.lang === 'en' && row.titleEn && row.language !== 'en') title.append(element('span', { class: 'title-en', lang: 'en' }, row.titleEn));
  const meta = element('p', { class: 'record-meta' }, badge('kind', undefined, labels.kind[row.kind] ?? row.kind));
  if (row.severity) meta.append(badge(row.severity, labels.severityTitle, labels.severity[row.severity] ?? row.severity));
  else if (row.sourceSeverity) meta.append(badge('muted', labels.sourceSeverityTitle, element('span', { lang: row.language }, row.sourceSeverity), labels.sourceLabelSuffix));
  meta.append(badge('category', labels.categoryTitle, labels.category[row.category] ?? row.category));
  if (row.draft) meta.append(badge('draft', undefined, labels.draft));
  meta.append(row.date ? element('time', { datetime: row.date }, formatDay(row.date, labels.locale)) : element('span', { class: 'undated' }, labels.undated));
  const article = element('article', {}, title, meta, element('p', { class: 'record-summary', lang: row.language }, row.summary));
  if (row.services.length > 0) {
    article.append(element('p', { class: 'record-services' }, element('span', { class: 'label' }, `${labels.services}:`), ' ', element('span', { lang: row.language }, row.services.join(' · '))));
  }
  return element('li', { class: 'record-item' }, article);
}
