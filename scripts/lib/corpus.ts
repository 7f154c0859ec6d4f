/**
 * Reads the public incident corpus (icco/postmortems, GPL v3) at run time and
 * maps each line to a `MatchDoc`. The corpus lives outside the repository on
 * purpose: its text must never be copied into the project, so evaluation and
 * benchmarks read it from disk every run.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { MatchDoc } from '../../src/matcher/index.ts';

/** The repository root (this file is `scripts/lib/corpus.ts`). */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The corpus file name inside its folder. */
export const CORPUS_FILE = 'icco-postmortems.jsonl';

/** Environment variable that overrides the corpus location (a file, or a folder holding `CORPUS_FILE`). */
export const CORPUS_ENV = 'PRECEDENT_CORPUS';

/** Default corpus location: `../shared/corpus/` next to the repository. */
export const DEFAULT_CORPUS_PATH = path.resolve(REPO_ROOT, '../shared/corpus', CORPUS_FILE);

/** Prefix of every corpus document id, so corpus ids never collide with record ids. */
export const CORPUS_ID_PREFIX = 'icco-';

/** How many words of the long text stand in for a missing summary or title. */
const FALLBACK_WORDS = 40;
const FALLBACK_TITLE_WORDS = 8;

/** One line of the corpus file, as far as Precedent uses it. */
export interface CorpusEntry {
  id: string;
  title?: string | null;
  company?: string | null;
  product?: string | null;
  date?: string | null;
  categories?: unknown[] | null;
  keywords?: unknown[] | null;
  summary_original?: string | null;
  summary_text?: string | null;
}

/** The corpus could not be found or read; the message says where and why. */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** Where the corpus is read from: `PRECEDENT_CORPUS` when set, else `DEFAULT_CORPUS_PATH`. */
export function corpusPath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[CORPUS_ENV]?.trim();
  if (!override) return DEFAULT_CORPUS_PATH;
  const resolved = path.resolve(override);
  return existsSync(resolved) && statSync(resolved).isDirectory() ? path.join(resolved, CORPUS_FILE) : resolved;
}

/**
 * Reads and maps the whole corpus. Throws a `CorpusError` naming the file
 * (and line) when the file is missing or a line is not a usable record.
 */
export function loadCorpus(file: string = corpusPath()): MatchDoc[] {
  if (!existsSync(file)) {
    throw new CorpusError(
      `Corpus not found at ${file}. It is read at run time, never copied into the repo: ` +
        `put ${CORPUS_FILE} in ../shared/corpus/ next to the repository, or set ${CORPUS_ENV} to its path.`,
    );
  }
  const docs: MatchDoc[] = [];
  const seen = new Set<string>();
  const shown = path.relative(process.cwd(), file) || file;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${shown}:${index + 1}`;
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch (error) {
      throw new CorpusError(`${where}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const doc = corpusEntryToDoc(entry, where);
    if (seen.has(doc.id)) throw new CorpusError(`${where}: duplicate id \`${doc.id}\``);
    seen.add(doc.id);
    docs.push(doc);
  });
  return docs;
}

/**
 * Maps one corpus entry to a `MatchDoc`: id `icco-<uuid>`, kind `postmortem`,
 * tags from categories and keywords, services from the product. A missing
 * title becomes company and date (or the first words of the text); a missing
 * summary becomes the first words of the text.
 */
export function corpusEntryToDoc(entry: unknown, file: string): MatchDoc {
  if (!isObject(entry) || typeof entry.id !== 'string' || entry.id.trim() === '') {
    throw new CorpusError(`${file}: expected an object with a string \`id\``);
  }
  const e = entry as unknown as CorpusEntry;
  const text = str(e.summary_text);
  const summary = str(e.summary_original) || firstWords(text, FALLBACK_WORDS);
  const company = str(e.company);
  const date = str(e.date) || undefined;
  const title =
    str(e.title) ||
    (company && date ? `${company} incident, ${date}` : [company, firstWords(summary || text, FALLBACK_TITLE_WORDS)].filter(Boolean).join(': ')) ||
    e.id;
  const tags = unique([...list(e.categories), ...list(e.keywords)].map(toTag).filter(Boolean));
  const services = unique(
    str(e.product)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  return {
    id: CORPUS_ID_PREFIX + e.id.trim(),
    title,
    kind: 'postmortem',
    ...(date ? { date } : {}),
    file,
    language: 'en',
    summary,
    tags,
    services,
    text,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function list(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
}

/** Lowercase kebab-case, as record tags are written (`handshake timeout` -> `handshake-timeout`). */
function toTag(value: string): string {
  return value.trim().toLowerCase().split(/\s+/).join('-');
}

function firstWords(text: string, count: number): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.slice(0, count).join(' ') + (words.length > count ? ' …' : '');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
