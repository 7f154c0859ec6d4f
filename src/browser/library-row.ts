/**
 * One record in `library.json`, the compact list the library's filters read:
 * what a list item shows and what the filters compare, nothing else.
 */
export interface LibraryRow {
  id: string;
  title: string;
  titleEn?: string;
  /** The record's own language (`zh`, `en`). */
  language: string;
  kind: string;
  /** Normalised: the record's own, or its source label mapped through its source's map. */
  severity?: string;
  /** The source's own label, as written. */
  sourceSeverity?: string;
  /** Root-cause category. */
  category: string;
  /** `YYYY-MM-DD`, when dated. */
  date?: string;
  draft?: boolean;
  summary: string;
  services: string[];
  tags: string[];
  /** Further text the text filter searches (products, versions, cause, symptoms), lower case. */
  text: string;
}
