/**
 * JSON Lines collections in the icco/postmortems export format: one record a
 * line → one draft. Duplicate write-ups (the same human-written text under two
 * ids) are skipped, the first kept; malformed lines are reported by number.
 */
import { DEFAULT_ZONE, draftFileName, type Draft } from './draft.ts';
import { draftSymptoms } from './draft-symptoms.ts';
import { guessLanguage } from './guess-meta.ts';
import { clip } from './read-remedy.ts';
import { slugify, toTag } from '../schema/slug.ts';
import { MAX_SERVICE_LENGTH } from '../schema/record.ts';

/** The `source.system` of records from this format. */
export const ICCO_SYSTEM = 'icco/postmortems';
/** icco categories that name a cause category; the others (cloud, automation, cascading-failure, time) describe, not cause. */
export const ICCO_CAUSE_CATEGORIES: Readonly<Record<string, 'configuration' | 'hardware' | 'security'>> = {
  'config-change': 'configuration',
  hardware: 'hardware',
  security: 'security',
};
/** Longest summary kept from the source. */
export const MAX_SUMMARY_CHARS = 1200;
/** Shortest text (and a quarter of it for a URL page name) compared for possible duplicates. */
export const MIN_NEAR_TEXT_CHARS = 40;
/** Keywords kept as tags per record. */
export const MAX_KEYWORD_TAGS = 8;
/** Longest title made from a first sentence when the source has none. */
export const MAX_MADE_TITLE_CHARS = 80;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LINK = /^https?:\/\/\S+$/;

/** One line's outcome. */
export type LineResult =
  | { type: 'draft'; line: number; draft: Draft; sourceId: string }
  | { type: 'duplicate'; line: number; sourceId: string; keptId: string; keptLine: number }
  | { type: 'malformed'; line: number; message: string }
  | { type: 'blank'; line: number };

/** Reads a whole collection; `file` names it in origins and messages. `onLine` is told as each line is done. */
export function readJsonLines(text: string, file: string, onLine?: (done: number, total: number) => void): LineResult[] {
  const results: LineResult[] = [];
  const seenTexts = new Map<string, { id: string; line: number }>();
  const seenNear = new Map<string, { id: string; line: number }>();
  const usedIds = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    const line = index + 1;
    onLine?.(line, lines.length);
    if (raw.trim() === '') return results.push({ type: 'blank', line });
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return results.push({ type: 'malformed', line, message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` });
    }
    const problem = checkShape(value);
    if (problem) return results.push({ type: 'malformed', line, message: problem });
    const record = value as IccoRecord;
    const texts = humanTexts(record);
    const earlier = texts.map((t) => seenTexts.get(t)).find(Boolean);
    if (earlier) return results.push({ type: 'duplicate', line, sourceId: record.id, keptId: earlier.id, keptLine: earlier.line });
    for (const t of texts) seenTexts.set(t, { id: record.id, line });
    const draft = iccoDraft(record, file, line, usedIds);
    // Not the same text, but likely the same write-up: say so, keep both.
    const keys = nearKeys(record);
    const near = keys.map(([key, why]) => [seenNear.get(key), why] as const).find(([seen]) => seen);
    if (near) draft.attention.unshift(`possible duplicate of line ${near[0]!.line} (source ${near[0]!.id}): ${near[1]}; merge or delete one`);
    for (const [key] of keys) if (!seenNear.has(key)) seenNear.set(key, { id: record.id, line });
    usedIds.add(draft.id);
    return results.push({ type: 'draft', line, draft, sourceId: record.id });
  });
  return results;
}

interface IccoRecord {
  id: string;
  title?: string | null;
  company?: string | null;
  product?: string | null;
  date?: string | null;
  start_time?: string | null;
  end_time?: string | null;
  source_url?: string | null;
  archive_url?: string | null;
  categories?: Array<string | number> | null;
  keywords?: Array<string | number> | null;
  summary_original?: string | null;
  summary_text: string;
  body_llm_generated?: boolean;
}

function checkShape(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const record = value as Record<string, unknown>;
  if (typeof record.id !== 'string' || record.id.trim() === '') return 'field `id`: expected a non-empty string';
  if (typeof record.summary_text !== 'string' || record.summary_text.trim() === '') return 'field `summary_text`: expected a non-empty string';
  for (const key of ['title', 'company', 'product', 'date', 'start_time', 'end_time', 'source_url', 'archive_url', 'summary_original']) {
    if (record[key] !== undefined && record[key] !== null && typeof record[key] !== 'string') return `field \`${key}\`: expected a string or null`;
  }
  for (const key of ['categories', 'keywords']) {
    const list = record[key];
    // A YAML source turns a keyword such as `2147483647` into a number: take it as text.
    if (list !== undefined && list !== null && !(Array.isArray(list) && list.every((item) => typeof item === 'string' || typeof item === 'number'))) return `field \`${key}\`: expected a list of strings`;
  }
  return undefined;
}

/**
 * Keys two copies of one write-up are likely to share even when their text
 * differs a little: the human text without links and punctuation, and the
 * source URL without scheme, `www.`, locale segment, `.html` or trailing slash.
 */
function nearKeys(record: IccoRecord): Array<[string, string]> {
  const keys: Array<[string, string]> = [];
  for (const text of humanTexts(record)) {
    const plain = text.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/https?:\/\/\S+/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    if (plain.length >= MIN_NEAR_TEXT_CHARS) keys.push([`text ${plain}`, 'the same text apart from links']);
  }
  const url = record.source_url?.trim();
  if (url && LINK.test(url)) {
    const tail = url.toLowerCase().replace(/[?#].*$/, '').replace(/\.html?$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
    if (tail.length >= MIN_NEAR_TEXT_CHARS / 4 && /[a-z]/.test(tail) && /[-_]/.test(tail)) keys.push([`url ${tail}`, `a source URL ending in the same page name (${tail})`]);
  }
  return keys;
}

/** The human-written texts of a record: what two copies of one write-up share. */
function humanTexts(record: IccoRecord): string[] {
  const texts = [record.summary_original, record.body_llm_generated ? undefined : record.summary_text];
  return texts.filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.replace(/\s+/g, ' ').trim());
}

function iccoDraft(record: IccoRecord, file: string, line: number, usedIds: ReadonlySet<string>): Draft {
  const attention: string[] = [];
  const company = record.company?.trim() ?? '';
  const original = record.summary_original?.trim() || undefined;
  const firstSentence = (original ?? record.summary_text)
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .split(/(?<=[.!?])\s/)[0]!
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  let title = record.title?.trim() ?? '';
  if (!title) {
    title = clip(company ? `${company}: ${firstSentence}` : firstSentence, MAX_MADE_TITLE_CHARS);
    attention.push('title: missing in the source; made from the company and the first sentence; write a real one');
  }
  let id = slugify(title) || slugify(`${company} incident`) || `incident-${record.id.slice(0, 8)}`;
  if (usedIds.has(id)) id = `${id}-${slugify(record.id).slice(0, 8)}`;

  const times: Record<string, string> = {};
  const start = record.start_time && ISO_TIME.test(record.start_time) && !Number.isNaN(Date.parse(record.start_time)) ? record.start_time : undefined;
  const end = record.end_time && ISO_TIME.test(record.end_time) && !Number.isNaN(Date.parse(record.end_time)) ? record.end_time : undefined;
  if (start) times.started = start;
  if (end && (!start || Date.parse(end) >= Date.parse(start))) times.resolved = end;
  else if (end) attention.push('times: end_time is before start_time in the source; left out');
  const date = record.date && ISO_DATE.test(record.date) ? record.date : start?.slice(0, 10);
  if (!date) attention.push('date: none in the source; the record is undated');

  const categories = (record.categories ?? []).map(String);
  const causes = [...new Set(categories.map((c) => ICCO_CAUSE_CATEGORIES[c]).filter(Boolean))];
  const category = causes.length === 1 ? causes[0]! : 'unknown';
  attention.push(category === 'unknown' ? 'rootCause.category: unknown — pick one' : `rootCause.category: "${category}" mapped from the source category; check`);
  attention.push(original ? 'rootCause.summary: copied from the source summary; narrow it to the cause' : 'rootCause.summary: the source has none; write one');
  if (record.body_llm_generated) attention.push('body: machine-written in the source collection (body_llm_generated); check it against the original');

  const tags = [...new Set([...categories, ...(company ? [company] : []), ...(record.keywords ?? []).slice(0, MAX_KEYWORD_TAGS).map(String)].map((t) => toTag(t)).filter((t): t is string => Boolean(t)))];
  const body = record.summary_text.replace(/\r\n?/g, '\n').trim();
  const { prose, code } = splitCode(body);
  const symptoms = draftSymptoms({ prose: [title, ...(original ? [original] : []), ...prose], code, status: [] });

  // A product line too long to be a service name (a sentence in the source) is left for the author.
  const product = record.product?.trim() ?? '';
  if (product.length > MAX_SERVICE_LENGTH) attention.push(`services: the source's product is ${product.length} characters (at most ${MAX_SERVICE_LENGTH}); left out — name the service`);
  const data: Record<string, unknown> = {
    id,
    kind: 'postmortem',
    title,
    summary: clip(original ?? body.split(/\n\s*\n/)[0]!, MAX_SUMMARY_CHARS),
    language: guessLanguage(body) === 'en' ? 'en' : 'zh',
    ...(date ? { date } : {}),
    timezone: DEFAULT_ZONE,
    times,
    draft: true,
    services: product && product.length <= MAX_SERVICE_LENGTH ? [product] : [],
    tags,
    rootCause: { category, summary: original ? clip(original, MAX_SUMMARY_CHARS) : 'To be written: the source gives no root cause summary.' },
    symptoms,
    references: record.archive_url && LINK.test(record.archive_url) ? [{ title: 'Archived copy', url: record.archive_url }] : [],
    source: {
      id: record.id,
      ...(record.source_url && LINK.test(record.source_url) ? { url: record.source_url } : {}),
      system: ICCO_SYSTEM,
    },
  };
  if (record.source_url && !LINK.test(record.source_url)) attention.push('source.url: not a single http(s) URL in the source; left out');
  attention.push(`id: "${id}" made from the title; check`);
  return { id, fileName: draftFileName(id, date), data, body: `${body}\n`, attention, origin: { file, line } };
}

/** Prose lines and fenced-code lines of a Markdown body. */
function splitCode(body: string): { prose: string[]; code: string[] } {
  const prose: string[] = [];
  const code: string[] = [];
  let fenced = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    else if (fenced) code.push(line);
    else if (line.trim()) prose.push(line);
  }
  return { prose, code };
}
