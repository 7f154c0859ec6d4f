/**
 * The import run: read inputs, build drafts, check each against the schema
 * (and the validator), skip what exists, write atomically. Returns a report;
 * printing is the CLI's job.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { isMapping } from '../records/data.ts';
import type { Problem } from '../records/problem.ts';
import { parseRecordText } from '../records/frontmatter.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileExistsError, writeNewFile } from '../scaffold/write-new-file.ts';
import { validateFiles } from '../validate/validate-files.ts';
import type { Draft } from './draft.ts';
import { existingRecords, sourceKey, type ExistingRecords } from './existing-records.ts';
import { findExisting, indexLibrary, type LibraryIndex } from './find-existing.ts';
import { readJsonLines } from './jsonl-draft.ts';
import { readInputs } from './read-inputs.ts';
import { checkSerialized, serializeDraft } from './serialize-draft.ts';
import { buildTextDraft } from './text-draft.ts';

/** Options of {@link runImport}. */
export interface ImportOptions {
  /** Files and folders to import. */
  inputs: readonly string[];
  /** Folder the drafts go to. */
  outDir: string;
  /** Further folders of records a draft may already be in (the library, when `outDir` is elsewhere). */
  libraryDirs?: readonly string[];
  /** Report what would be written; write nothing. */
  dryRun?: boolean;
  /** IANA zone for times written without an offset; default by language. */
  zone?: string;
  /** Called as lines are drafted and as drafts are written, for a progress bar. */
  onProgress?: (done: number, total: number, phase: 'drafting' | 'writing') => void;
}

/** What happened to one draft, line or file. */
export type ImportItem =
  | { type: 'written'; file: string; origin: string; attention: string[]; validation: string[] }
  | { type: 'duplicate'; origin: string; message: string }
  | { type: 'malformed'; origin: string; message: string }
  | { type: 'existing'; origin: string; message: string }
  | { type: 'failed'; origin: string; message: string };

/** Totals of a run. */
export interface ImportCounts {
  files: number;
  lines: number;
  written: number;
  duplicates: number;
  malformed: number;
  existing: number;
  failed: number;
}

/** The outcome of a run. */
export interface ImportReport {
  items: ImportItem[];
  counts: ImportCounts;
  dryRun: boolean;
  /** Records already in the output folder that could not be read, each at its place (they still block their file names). */
  unreadable: Problem[];
}

interface Pending {
  draft: Draft;
  origin: string;
  text: string;
}

/** Runs an import. Never throws for bad input: problems are items of the report. */
export async function runImport(options: ImportOptions): Promise<ImportReport> {
  const items: ImportItem[] = [];
  const counts: ImportCounts = { files: 0, lines: 0, written: 0, duplicates: 0, malformed: 0, existing: 0, failed: 0 };
  const existing = await existingRecords(options.outDir, options.libraryDirs);
  const library = indexLibrary(existing.records);
  const pending: Pending[] = [];
  const runIds = new Set<string>();
  const runFiles = new Set<string>();

  for (const input of await readInputs(options.inputs)) {
    if (!input.ok) {
      counts.failed++;
      items.push({ type: 'failed', origin: input.file, message: input.message });
      continue;
    }
    if (input.format === 'jsonl') {
      for (const result of readJsonLines(input.text, input.file, (done, total) => options.onProgress?.(done, total, 'drafting'))) {
        const origin = `${input.file}:${result.line}`;
        if (result.type === 'blank') continue;
        counts.lines++;
        if (result.type === 'malformed') {
          counts.malformed++;
          items.push({ type: 'malformed', origin, message: result.message });
        } else if (result.type === 'duplicate') {
          counts.duplicates++;
          items.push({ type: 'duplicate', origin, message: `duplicate of line ${result.keptLine} (same text): kept ${result.keptId}, skipped ${result.sourceId}` });
        } else queue(result.draft, origin);
      }
    } else {
      counts.files++;
      const parsed = frontmatterOf(input.text);
      const front = parsed?.data;
      if (front && typeof front.id === 'string' && typeof front.kind === 'string') {
        counts.existing++;
        items.push({ type: 'existing', origin: input.file, message: `already a record (its frontmatter has \`id: ${front.id}\`); skipped` });
        continue;
      }
      try {
        queue(buildTextDraft(parsed ? withoutFrontmatter(parsed.body, parsed.data) : input.text, { file: input.file, zone: options.zone }), input.file);
      } catch (error) {
        counts.failed++;
        items.push({ type: 'failed', origin: input.file, message: `could not build a draft (${error instanceof Error ? error.message : String(error)})` });
      }
    }
  }

  function queue(draft: Draft, origin: string): void {
    const clash = existingClash(draft, existing, library);
    if (clash) {
      counts.existing++;
      items.push({ type: 'existing', origin, message: clash });
      return;
    }
    // Two inputs of this run with one id: the later one takes the next free id.
    if (runIds.has(draft.id) || runFiles.has(draft.fileName)) {
      let n = 2;
      while (runIds.has(`${draft.id}-${n}`) || existing.ids.has(`${draft.id}-${n}`)) n++;
      const id = `${draft.id}-${n}`;
      draft = { ...draft, id, fileName: draft.fileName.replace(/[^/]*\.md$/, (name) => name.replace(`${draft.id}.md`, `${id}.md`)), data: { ...draft.data, id } };
    }
    const text = serializeDraft(draft);
    const problems = checkSerialized(text);
    if (problems.length) {
      counts.failed++;
      items.push({ type: 'failed', origin, message: `the draft does not pass the schema: ${problems.join('; ')}` });
      return;
    }
    runIds.add(draft.id);
    runFiles.add(draft.fileName);
    pending.push({ draft, origin, text });
  }

  const validation = await validateDrafts(pending);
  let done = 0;
  for (const { draft, origin, text } of pending) {
    const file = path.join(options.outDir, draft.fileName);
    if (!options.dryRun) {
      try {
        await writeNewFile(file, text);
      } catch (error) {
        if (error instanceof FileExistsError) {
          counts.existing++;
          items.push({ type: 'existing', origin, message: `${file} already exists; not overwritten` });
        } else {
          counts.failed++;
          items.push({ type: 'failed', origin, message: `could not write ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
        }
        options.onProgress?.(++done, pending.length, 'writing');
        continue;
      }
    }
    counts.written++;
    items.push({ type: 'written', file, origin, attention: draft.attention, validation: validation.get(draft.fileName) ?? [] });
    options.onProgress?.(++done, pending.length, 'writing');
  }
  return { items, counts, dryRun: Boolean(options.dryRun), unreadable: existing.problems };
}

/**
 * The YAML frontmatter of a Markdown document and the body after it, when it
 * has one that parses (with the record reader: nothing in it runs) to a
 * non-empty mapping. Otherwise the whole document is read as text.
 */
function frontmatterOf(text: string): { data: Record<string, unknown>; body: string } | undefined {
  const parsed = parseRecordText(text);
  if (!parsed.ok) return undefined;
  const { data, body } = parsed.record;
  return isMapping(data) && Object.keys(data).length > 0 ? { data, body } : undefined;
}

/** A document's body with its frontmatter replaced by a title heading and a date line the text importer reads. */
function withoutFrontmatter(body: string, front: Record<string, unknown>): string {
  const lead: string[] = [];
  if (typeof front.title === 'string' && front.title.trim()) lead.push(`# ${front.title.trim()}`);
  const date = front.date instanceof Date ? front.date.toISOString().slice(0, 10) : typeof front.date === 'string' ? front.date : undefined;
  if (date) lead.push(`${date} 发表`);
  return `${lead.join('\n\n')}\n\n${body}`;
}

function existingClash(draft: Draft, existing: ExistingRecords, library: LibraryIndex): string | undefined {
  const source = draft.data.source as { system?: string; id?: string } | undefined;
  const imported = source?.system && source.id && source.system !== 'import' ? existing.sources.get(sourceKey(source.system, source.id)) : undefined;
  if (imported) return `already imported as ${imported} (source ${source!.system} ${source!.id}); skipped`;
  if (existing.files.has(draft.fileName)) return `${draft.fileName} already exists in the output folder; not overwritten`;
  const byId = existing.ids.get(draft.id);
  if (byId) return `id \`${draft.id}\` is already used by ${byId}; skipped`;
  // The same write-up under another id: same source URL, same title and date, or the same key facts.
  const same = findExisting(draft.data, library);
  if (same) return `already in the library as ${same.file}${same.id ? ` (id \`${same.id}\`)` : ''}: ${same.reason}; skipped`;
  return undefined;
}

/**
 * Runs the validator over the drafts in a scratch folder (so a dry run checks
 * them too) and returns its messages by file name.
 */
async function validateDrafts(pending: readonly Pending[]): Promise<Map<string, string[]>> {
  const messages = new Map<string, string[]>();
  if (pending.length === 0) return messages;
  const scratch = await mkdtemp(path.join(tmpdir(), 'precedent-import-'));
  try {
    for (const { draft, text } of pending) await writeFile(path.join(scratch, draft.fileName), text);
    const { problems } = await validateFiles([scratch], { cwd: scratch });
    for (const problem of problems) {
      const name = path.basename(problem.file);
      const list = messages.get(name) ?? [];
      list.push(`${problem.line}:${problem.column} ${problem.severity} ${problem.message} (${problem.ruleId})`);
      messages.set(name, list);
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return messages;
}
