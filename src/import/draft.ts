/**
 * What an importer produces: a draft record (frontmatter data, Markdown body)
 * with the list of things a person must check before it is published.
 */
import { DEFAULT_CONTENT_DIR } from '../config.ts';

/** One draft ready to be checked and written. */
export interface Draft {
  /** The record id (kebab-case). */
  id: string;
  /** File name inside the output folder: `<date>-<id>.md` or `<id>.md`. */
  fileName: string;
  /** Frontmatter, in the schema's input shape (times as ISO strings). */
  data: Record<string, unknown>;
  /** Markdown body. */
  body: string;
  /** What a person must check; written as YAML comments and printed. Never contains a person's name. */
  attention: string[];
  /** Where it came from: the input file, and the line for JSON Lines. */
  origin: { file: string; line?: number };
}

/** Output folder when none is given or configured (the CLI's default is `contentDir` of precedent.config.json). */
export const DEFAULT_OUT_DIR = DEFAULT_CONTENT_DIR;
/** Zone assumed for Chinese documents when `--timezone` is not given. */
export const DEFAULT_ZH_ZONE = 'Asia/Shanghai';
/** Zone assumed for other documents when `--timezone` is not given. */
export const DEFAULT_ZONE = 'UTC';

/** `<date>-<id>.md` when dated, else `<id>.md`. */
export function draftFileName(id: string, date?: string): string {
  return date ? `${date}-${id}.md` : `${id}.md`;
}
