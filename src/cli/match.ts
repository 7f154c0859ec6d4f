/**
 * `precedent match <query…>` (`npm run match -- …`): ranks the records
 * against a query, a log piped on stdin, or an alert payload (Alertmanager,
 * Grafana, Kubernetes Events) and prints each with its evidence and fix.
 * The index is cached (src/index-cache/), so a call answers at once unless a
 * record or the matcher changed.
 *
 * Exit codes: 0 results, 1 no match, 2 a usage or input error.
 */
import { readFileSync, statSync } from 'node:fs';
import { defineCommand } from 'citty';
import type { AlertReading } from '../alert/index.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_QUERY_CHARS } from '../matcher/constants.ts';
import type { Matcher } from '../matcher/matcher.ts';
import { loadIndexFolder, openIndex, type BuildPhase } from '../index-cache/index.ts';
import { matchStrings } from '../i18n/match-strings.ts';
import { clean, colours, formatResults } from './format-results.ts';
import { cachedContentDir } from '../config-cache.ts';
import { EXIT, runCli, UsageError } from './run-command.ts';
import { isTerminal, writeAll } from './terminal.ts';

/** Most bytes read from stdin or an alert file; the matcher reads only the first `MAX_QUERY_CHARS` characters of a query anyway. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

const PHASES: Record<BuildPhase, string> = {
  reading: 'reading the records',
  preparing: 'extracting facts',
  indexing: 'building the index',
  writing: 'caching the index',
};

export const matchCommand = defineCommand({
  meta: {
    name: 'match',
    description: 'Rank past records against symptoms: codes, ports, figures, errno names, words, a pasted log (stdin) or an alert payload (--alert). Exit 0 results, 1 no match, 2 usage or input error.',
  },
  args: {
    query: { type: 'positional', required: false, description: 'Symptoms; none to read a log or an alert payload from stdin', valueHint: 'query…' },
    alert: { type: 'string', description: 'Alertmanager, Grafana or Kubernetes Event JSON file (- for stdin)', valueHint: 'file' },
    limit: { type: 'string', description: `At most N results, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT})`, valueHint: 'n' },
    json: { type: 'boolean', default: false, description: 'Print results as a JSON array' },
    content: { type: 'string', description: 'Records folder (default: contentDir of precedent.config.json, or content/incidents)', valueHint: 'dir' },
    index: { type: 'string', description: "Answer from a built site's index folder (dist/matcher) instead of the records", valueHint: 'dir' },
    rebuild: { type: 'boolean', default: false, description: 'Rebuild the cached index even if no record changed' },
    lang: { type: 'enum', options: ['en', 'zh'], default: 'en', description: 'Language of the words around the results' },
  },
  async run({ args }) {
    // Read (and so checked) whatever the flags: a bad setting is reported by every command alike.
    // From the checked settings cached by an earlier call when nothing changed: checking them loads zod.
    const configured = await cachedContentDir();
    const limit = parseLimit(args.limit);
    const words = args._.map(String);
    const { query, alert } = await readQuery(words, args.alert);
    if (alert) process.stderr.write(`${clean(alert.summary)}\n`);
    const matcher = await openMatcher(args.content, args.index, args.rebuild, configured);
    const results = await matcher.searchAll(query, { limit });
    if (query.length > MAX_QUERY_CHARS) process.stderr.write(`note: read the first ${MAX_QUERY_CHARS} of ${query.length} characters of the query\n`);
    if (args.json) writeAll(1, `${JSON.stringify(results, null, 2)}\n`);
    else if (results.length === 0) writeAll(1, `No record matches (searched ${matcher.size} records).\n`);
    else writeAll(1, formatResults(results, colours(!process.env.NO_COLOR && isTerminal(1)), matchStrings(args.lang === 'zh' ? 'zh' : 'en')));
    return results.length > 0 ? EXIT.ok : EXIT.failed;
  },
});

function parseLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_LIMIT) {
    throw new UsageError(`--limit expects a whole number from 1 to ${MAX_LIMIT}, got ${text === '' ? 'nothing' : `\`${clean(text)}\``}`);
  }
  return Number(text);
}

/** The query: words, an alert file, or stdin (an alert payload when it is one, else a log). */
async function readQuery(words: string[], alertFile: string | undefined): Promise<{ query: string; alert?: AlertReading }> {
  if (alertFile !== undefined) {
    if (words.length > 0 && !(words.length === 1 && words[0] === '-')) throw new UsageError('give either --alert FILE or a query, not both');
    if (alertFile === '') throw new UsageError('--alert expects a file (or - for stdin)');
    const name = alertFile === '-' ? 'stdin' : alertFile;
    const text = alertFile === '-' ? await readStdin() : readFileArg(alertFile);
    const { ACCEPTED, readAlert } = await import('../alert/index.ts');
    const read = readAlert(text);
    if (read.kind !== 'alert') throw new UsageError(`${clean(name)}: ${read.kind === 'other' ? `not an alert payload: expected ${ACCEPTED}` : read.message}`);
    return { query: read.reading.query, alert: read.reading };
  }
  const fromStdin = words.length === 0 || (words.length === 1 && words[0] === '-');
  if (fromStdin && process.stdin.isTTY) throw new UsageError('give a query, or pipe a log or an alert payload on stdin');
  const text = fromStdin ? await readStdin() : words.join(' ');
  if (text.trim() === '') throw new UsageError('the query is empty');
  // Only JSON can be an alert payload: plain symptoms start without loading the alert reader.
  if (!/^\s*[[{]/.test(text)) return { query: text };
  const { looksLikeAlertJson, readAlert } = await import('../alert/index.ts');
  const read = readAlert(text);
  if (read.kind === 'alert') return { query: read.reading.query, alert: read.reading };
  if (read.kind === 'invalid' && looksLikeAlertJson(text)) {
    process.stderr.write(`note: this looks like an alert payload but ${read.message}; matched as plain text\n`);
  }
  return { query: text };
}

function readFileArg(file: string): string {
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new UsageError(`${clean(file)}: not a file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${clean(file)}: no such file`);
  }
  if (size > MAX_INPUT_BYTES) throw new UsageError(`${clean(file)}: ${(size / 1024 / 1024).toFixed(1)} MB is too large; at most ${MAX_INPUT_BYTES / 1024 / 1024} MB is read`);
  return readFileSync(file, 'utf8');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    if (bytes < MAX_INPUT_BYTES) chunks.push(buffer.subarray(0, MAX_INPUT_BYTES - bytes));
    bytes += buffer.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The cached index of the records folder (built now if needed), or a built site's index folder. */
async function openMatcher(content: string | undefined, index: string | undefined, rebuild: boolean, configured: string): Promise<Matcher> {
  if (index !== undefined) {
    if (content !== undefined) throw new UsageError('give either --index DIR or --content DIR, not both');
    if (!isDirectory(index)) throw new UsageError(`no such index folder: ${clean(index)}`);
    try {
      return await loadIndexFolder(index);
    } catch (error) {
      throw new UsageError(`${clean(index)}: not a matcher index folder (${clean(error instanceof Error ? error.message : String(error))})`);
    }
  }
  const dir = content ?? configured;
  const info = statOrUndefined(dir);
  if (!info) throw new UsageError(`no such records folder: ${clean(dir)}`);
  if (!info.isDirectory()) throw new UsageError(`not a folder: ${clean(dir)}`);
  const started = Date.now(); // Not performance.now(): loading perf_hooks costs a warm call 2 ms.
  const line = statusLine();
  const opened = await openIndex({
    dir,
    rebuild,
    onProgress: (phase, done, total) => line.show(`indexing ${clean(dir)}: ${PHASES[phase]}${total > 0 ? ` ${done}/${total}` : '…'}`),
  });
  line.show(opened.built ? `indexed ${opened.matcher.size} records in ${((Date.now() - started) / 1000).toFixed(1)} s; later calls use the cached index\n` : '');
  line.stop();
  for (const problem of opened.problems) process.stderr.write(`${clean(problem.file)}:${clean(problem.message)}\n`);
  return opened.matcher;
}

/**
 * A line rewritten in place on stderr when it is a terminal; nothing on a
 * pipe (scripts, CI, tests). Asks whether stderr is a terminal only once
 * there is something to show, and without `process.stderr`: creating that
 * stream costs a warm call about 10 ms when nothing is written.
 */
function statusLine(): { show(text: string): void; stop(): void } {
  let last = '';
  let drawn = false;
  let tty: boolean | undefined;
  return {
    show(text) {
      if (text === last || !(tty ??= isTerminal(2))) return;
      last = text;
      process.stderr.write(`\r\u001b[2K${text}`);
      drawn = !text.endsWith('\n');
    },
    stop() {
      if (drawn) process.stderr.write('\r\u001b[2K');
    },
  };
}

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function isDirectory(dir: string): boolean {
  return statOrUndefined(dir)?.isDirectory() === true;
}

if (import.meta.main) await runCli(matchCommand);
