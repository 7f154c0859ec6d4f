/**
 * The content loader of the records collection: the one record reader
 * (no links followed, YAML only, bounded aliases and bodies), then Astro's
 * own Markdown renderer with the site's pipeline. Astro's glob loader is not
 * used: it follows symbolic links and parses frontmatter with another engine.
 *
 * A record that cannot be read, or whose body fails to render, stops the
 * build with its positioned message (no stack trace, no empty page); in
 * `astro dev` it is logged and left out until fixed.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkRecord } from './check-record.ts';
import { displayPath, listFiles } from './list-files.ts';
import { formatProblem, problemAt, type Problem } from './problem.ts';
import { readRecordFile } from './read-record.ts';

/** Rule id for a body the renderer failed on although it is within the limits. */
export const MARKDOWN_RENDER = 'markdown-render';

/** Options of {@link recordLoader}. */
export interface RecordLoaderOptions {
  /** The records folder, relative to the project root. */
  base: string;
}

/** Thrown by the loader when records fail: the message lists each problem, one line each. */
export class RecordLoadError extends Error {
  override name = 'RecordLoadError';
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(`Invalid records: ${problems.length} ${problems.length === 1 ? 'error' : 'errors'}\n${problems.map(formatProblem).join('\n')}`);
    // A problem in the content, not in code: Astro prints no stack trace without one.
    this.stack = '';
    this.problems = problems;
  }
}

/** The loader; use it as `defineCollection({ loader: recordLoader({ base }), schema })`. */
export function recordLoader(options: RecordLoaderOptions): Loader {
  return {
    name: 'precedent:records',
    async load(context) {
      const root = fileURLToPath(context.config.root);
      const folder = path.resolve(root, options.base);
      const problems: Problem[] = [];
      const seen = new Set<string>();
      for (const absolute of await listFiles([folder], root)) {
        const id = await loadOne(context, root, absolute, problems);
        if (id) seen.add(id);
      }
      for (const id of context.store.keys()) if (!seen.has(id)) context.store.delete(id);
      if (problems.length > 0) {
        if (!context.watcher) throw new RecordLoadError(problems);
        for (const problem of problems) context.logger.error(formatProblem(problem));
      }
      context.watcher?.on('all', async (event, changed) => {
        if (!changed.startsWith(folder + path.sep) || !changed.endsWith('.md')) return;
        if (event === 'unlink') {
          const relative = displayPath(changed, root);
          for (const [id, entry] of context.store.entries()) if (entry.filePath === relative) context.store.delete(id);
          return;
        }
        const found: Problem[] = [];
        await loadOne(context, root, changed, found);
        for (const problem of found) context.logger.error(formatProblem(problem));
      });
    },
  };
}

/** Reads, checks and renders one record into the store; returns its id, or records why not. */
async function loadOne(context: LoaderContext, root: string, absolute: string, problems: Problem[]): Promise<string | undefined> {
  const read = await readRecordFile(absolute, { cwd: root });
  if (!read.record) {
    problems.push(...read.problems);
    return undefined;
  }
  const checked = checkRecord(read.file, read.record);
  if (!checked.ok) {
    problems.push(...checked.problems);
    return undefined;
  }
  const { record, file } = read;
  const id = checked.data.id;
  const digest = context.generateDigest(`${file}\n${record.body}\n${JSON.stringify(record.data)}`);
  const existing = context.store.get(id);
  if (existing?.digest === digest && existing.rendered) return id;
  let rendered;
  try {
    // An empty frontmatter first: Astro's renderer reads a leading `---` block itself, with another YAML engine.
    rendered = await context.renderMarkdown(`---\n---\n${record.body}`, { fileURL: new URL(`file://${absolute}`) });
  } catch (error) {
    const cause = error instanceof Error ? (/call stack|stack overflow/i.test(error.message) ? 'nested too deeply' : error.message.split('\n')[0]) : String(error);
    problems.push(problemAt(file, { line: record.bodyLine, column: 1 }, 'error', `Markdown body could not be rendered (${cause})`, MARKDOWN_RENDER));
    return undefined;
  }
  // checkRecord already parsed the frontmatter with the collection's schema (no image() fields, so Astro's
  // parseData would only run the same zod parse again on the same input: ~13 s of a 10,000-record build).
  context.store.set({ id, data: checked.data as Record<string, unknown>, body: record.body, filePath: file, digest, rendered });
  return id;
}
