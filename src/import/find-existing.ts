/**
 * Recognises a write-up the library already holds, so an import reports it
 * as existing instead of writing a duplicate draft. Kept apart from how the
 * records are read (plain frontmatter data in, a finding out), so it moves
 * unchanged onto whichever record reader supplies the data.
 *
 * A draft is the same write-up as a record when, in this order:
 * 1. both name the same source URL (`source.url`, compared without
 *    fragment, tracking parameters, `www.` or a trailing slash);
 * 2. both name the same source system and id (not the importer's own
 *    `import` system, whose ids are only file names);
 * 3. both have the same record id;
 * 4. both have the same title (case, spaces and punctuation aside) and date;
 * 5. both have the same date (or are both undated) and share enough key
 *    facts: error codes, ports, addresses and hosts, figures, identifiers.
 */

/** Key facts two write-ups must share (besides the date) to count as one, rule 5. */
export const MIN_SHARED_FACTS = 3;
/** Share of the smaller write-up's key facts the other must hold too, rule 5. */
export const MIN_FACT_OVERLAP = 0.2;
/** Without a date on either side the facts must agree more: at least this many shared. */
export const MIN_SHARED_FACTS_UNDATED = 4;
/** Most facts named in a message. */
const NAMED_FACTS = 4;

/** A record of the library, as its frontmatter reads. */
export interface LibraryRecord {
  /** Its file, as shown to the user. */
  file: string;
  /** Its frontmatter (unvalidated: an import must not fail on a record the validator would refuse). */
  data: Record<string, unknown>;
}

/** Why a draft is a record already. */
export interface ExistingMatch {
  /** The record's file. */
  file: string;
  /** The record's id, when it has one. */
  id: string | undefined;
  /** Which rule matched. */
  rule: 'source-url' | 'source-id' | 'id' | 'title-date' | 'facts';
  /** One line for the report, e.g. "same date 2024-07-31 and key facts: error 266, port 5002/udp, …". */
  reason: string;
}

/** An index over the library's records for {@link findExisting}. */
export interface LibraryIndex {
  records: readonly IndexedRecord[];
  byUrl: Map<string, IndexedRecord>;
  bySource: Map<string, IndexedRecord>;
  byId: Map<string, IndexedRecord>;
  /** Records by day (`''` for undated), so rules 4 and 5 compare a draft with its own day's records only. */
  byDate: Map<string, IndexedRecord[]>;
}

interface IndexedRecord extends LibraryRecord {
  id: string | undefined;
  title: string | undefined;
  date: string | undefined;
  facts: Map<string, string>;
}

/** Indexes the library's records once per import run. */
export function indexLibrary(records: readonly LibraryRecord[]): LibraryIndex {
  const index: LibraryIndex = { records: [], byUrl: new Map(), bySource: new Map(), byId: new Map(), byDate: new Map() };
  const indexed = records.map((record) => describe(record));
  index.records = indexed;
  for (const record of indexed) {
    const url = sourceUrl(record.data);
    if (url && !index.byUrl.has(url)) index.byUrl.set(url, record);
    const source = sourceId(record.data);
    if (source && !index.bySource.has(source)) index.bySource.set(source, record);
    if (record.id && !index.byId.has(record.id)) index.byId.set(record.id, record);
    const day = record.date ?? '';
    const sameDay = index.byDate.get(day);
    if (sameDay) sameDay.push(record);
    else index.byDate.set(day, [record]);
  }
  return index;
}

/** The record a draft duplicates, or `undefined` when it is new to the library. */
export function findExisting(draft: Record<string, unknown>, library: LibraryIndex): ExistingMatch | undefined {
  const url = sourceUrl(draft);
  const byUrl = url ? library.byUrl.get(url) : undefined;
  if (byUrl) return found(byUrl, 'source-url', `same source URL ${url}`);
  const source = sourceId(draft);
  const bySource = source ? library.bySource.get(source) : undefined;
  if (bySource) return found(bySource, 'source-id', `same source ${source}`);
  const id = typeof draft.id === 'string' ? draft.id : undefined;
  const byId = id ? library.byId.get(id) : undefined;
  if (byId) return found(byId, 'id', `same id \`${id}\``);

  const self = describe({ file: '', data: draft });
  const sameDay = library.byDate.get(self.date ?? '') ?? [];
  const title = normaliseTitle(self.title);
  if (title) {
    const sameTitle = sameDay.find((record) => normaliseTitle(record.title) === title);
    if (sameTitle) return found(sameTitle, 'title-date', `same title and ${self.date ? `date ${self.date}` : 'no date'}`);
  }

  let best: { record: IndexedRecord; shared: string[] } | undefined;
  for (const record of sameDay) {
    const shared = [...self.facts.keys()].filter((key) => record.facts.has(key));
    const needed = self.date ? MIN_SHARED_FACTS : MIN_SHARED_FACTS_UNDATED;
    const smaller = Math.min(self.facts.size, record.facts.size);
    if (shared.length < needed || shared.length < MIN_FACT_OVERLAP * smaller) continue;
    if (!best || shared.length > best.shared.length) best = { record, shared };
  }
  if (!best) return undefined;
  const named = best.shared.slice(0, NAMED_FACTS).map((key) => self.facts.get(key)!);
  const more = best.shared.length > NAMED_FACTS ? ` and ${best.shared.length - NAMED_FACTS} more` : '';
  return found(best.record, 'facts', `${self.date ? `same date ${self.date}` : 'both undated'} and key facts: ${named.join(', ')}${more}`);
}

function found(record: IndexedRecord, rule: ExistingMatch['rule'], reason: string): ExistingMatch {
  return { file: record.file, id: record.id, rule, reason };
}

function describe(record: LibraryRecord): IndexedRecord {
  const { data } = record;
  return {
    ...record,
    id: typeof data.id === 'string' ? data.id : undefined,
    title: typeof data.title === 'string' ? data.title : undefined,
    date: dayOf(data.date),
    facts: keyFacts(data),
  };
}

/** `YYYY-MM-DD` of a frontmatter date (a string or, from YAML, a Date). */
function dayOf(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return undefined;
}

/** Query parameters that say how a reader arrived, not what the page is. */
const TRACKING = /^(utm_\w+|spm|from|share_\w+|fbclid|gclid)$/i;

/** A source URL reduced to what identifies the page. */
export function normaliseUrl(value: string): string | undefined {
  if (!URL.canParse(value)) return undefined;
  const url = new URL(value);
  if (!/^https?:$/.test(url.protocol)) return undefined;
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  url.searchParams.sort();
  const query = url.searchParams.toString();
  return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
}

function sourceUrl(data: Record<string, unknown>): string | undefined {
  const source = data.source as Record<string, unknown> | undefined;
  return typeof source?.url === 'string' ? normaliseUrl(source.url) : undefined;
}

function sourceId(data: Record<string, unknown>): string | undefined {
  const source = data.source as Record<string, unknown> | undefined;
  if (typeof source?.system !== 'string' || source.system === 'import') return undefined;
  return typeof source.id === 'string' || typeof source.id === 'number' ? `${source.system} ${source.id}` : undefined;
}

function normaliseTitle(title: string | undefined): string {
  return (title ?? '').normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Identifiers too common to tell write-ups apart. */
const COMMON_IDENTIFIERS = new Set(['nat', 'tcp', 'udp', 'http', 'https', 'dns', 'api', 'log', 'logs']);

/**
 * The key facts of a record's symptoms as `kind:value` → how to name it:
 * error codes, ports (with protocol when given), hosts and addresses, figures
 * (value and unit) and identifiers (at least 4 characters, not a common word).
 */
export function keyFacts(data: Record<string, unknown>): Map<string, string> {
  const facts = new Map<string, string>();
  const symptoms = (data.symptoms ?? {}) as Record<string, unknown>;
  const list = (name: string): unknown[] => (Array.isArray(symptoms[name]) ? (symptoms[name] as unknown[]) : []);
  for (const error of list('errors')) {
    const code = (error as Record<string, unknown> | null)?.code;
    if (typeof code === 'string' || typeof code === 'number') facts.set(`code:${String(code).toLowerCase()}`, `error ${code}`);
  }
  for (const entry of list('ports')) {
    const port = (entry as Record<string, unknown> | null)?.port;
    if (typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port))) facts.set(`port:${port}`, `port ${port}`);
  }
  for (const host of list('hosts')) {
    if (typeof host === 'string' && host.trim()) facts.set(`host:${host.trim().toLowerCase()}`, host.trim());
  }
  for (const entry of list('figures')) {
    const figure = entry as Record<string, unknown> | null;
    if (typeof figure?.value === 'number') {
      const unit = typeof figure.unit === 'string' ? figure.unit : '';
      facts.set(`figure:${figure.value}${unit}`, `${figure.value}${unit === '%' ? ' %' : unit ? ` ${unit}` : ''}`);
    }
  }
  for (const identifier of list('identifiers')) {
    if (typeof identifier !== 'string') continue;
    const key = identifier.trim().toLowerCase();
    if (key.length >= 4 && !COMMON_IDENTIFIERS.has(key)) facts.set(`id:${key}`, identifier.trim());
  }
  return facts;
}
