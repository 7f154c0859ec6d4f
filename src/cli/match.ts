/**
 * `npm run match -- <query>`: ranks the records in a folder against a
 * query (or a log pasted on stdin) and prints each with its evidence and fix.
 *
 * Exit codes: 0 results, 1 no match, 2 a usage or input error.
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { CONTENT_DIR, loadRecords } from '../records/load.ts';
import { DEFAULT_LIMIT, MAX_QUERY_CHARS, Matcher, buildIndex, recordToDoc, type MatchResult } from '../matcher/index.ts';
import { MAX_LIMIT } from '../matcher/constants.ts';
import { matchStrings, type MatchStrings } from '../i18n/match-strings.ts';

/** Most bytes read from stdin; the matcher reads only the first `MAX_QUERY_CHARS` characters anyway. */
export const MAX_STDIN_BYTES = 8 * 1024 * 1024;

/** `--help` text. */
export const USAGE = `Usage: npm run match -- [options] <query…>
       <command> | npm run match -- [options] [-]

Ranks past records against symptoms: error codes, ports, figures, errno
names, Chinese or English words, or a pasted log (read from stdin).

Options:
  --json          print results as a JSON array
  --limit N       at most N results (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})
  --content DIR   records folder (default ${CONTENT_DIR})
  --lang zh|en    language of the words around the results (default en)
  -h, --help      show this help

Exit status: 0 results, 1 no match, 2 usage or input error.

Examples:
  npm run match -- 266
  npm run match -- udp 5002
  npm run match -- "5555 连接数 超过 1020"
  npm run match -- "conntrack -F"      (quote a query that has flags)
  kubectl logs my-pod | npm run match -- --limit 3`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        content: { type: 'string', default: CONTENT_DIR },
        lang: { type: 'string', default: 'en' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const limit = parseLimit(values.limit);
  if (values.lang !== 'en' && values.lang !== 'zh') throw new UsageError(`--lang expects zh or en, got \`${clean(values.lang)}\``);
  const strings = matchStrings(values.lang);
  const dir = values.content;
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new UsageError(`no such records folder: ${dir}`);
  if (!info.isDirectory()) throw new UsageError(`not a folder: ${dir}`);

  const fromStdin = positionals.length === 0 || (positionals.length === 1 && positionals[0] === '-');
  if (fromStdin && process.stdin.isTTY) throw new UsageError('give a query, or pipe one on stdin');
  const query = fromStdin ? await readStdin() : positionals.join(' ');
  if (query.trim() === '') throw new UsageError('the query is empty');

  const { records, problems } = await loadRecords(dir);
  for (const problem of problems) process.stderr.write(`${clean(problem.file)}: ${clean(problem.message)}\n`);
  const matcher = Matcher.fromBundle(buildIndex(records.map(recordToDoc)));
  const { results, info: queryInfo } = matcher.searchDetailed(query, { limit });
  if (queryInfo.truncated) {
    process.stderr.write(`note: read the first ${MAX_QUERY_CHARS} of ${queryInfo.chars} characters of the query\n`);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else if (results.length === 0) {
    process.stdout.write(`No record matches (searched ${matcher.size} records).\n`);
  } else {
    process.stdout.write(formatResults(results, colours(process.stdout.isTTY === true && !process.env.NO_COLOR), strings));
  }
  return results.length > 0 ? 0 : 1;
}

function parseLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIMIT;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_LIMIT) {
    throw new UsageError(`--limit expects a whole number from 1 to ${MAX_LIMIT}, got \`${clean(text)}\``);
  }
  return Number(text);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    if (bytes < MAX_STDIN_BYTES) chunks.push(buffer.subarray(0, MAX_STDIN_BYTES - bytes));
    bytes += buffer.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface Colours {
  bold: (s: string) => string;
  dim: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
}

function colours(on: boolean): Colours {
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), cyan: wrap(36, 39) };
}

/** Record text is untrusted: strip terminal control characters before printing. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * Human-readable results, each headed by its confidence in words. Weak
 * results come after a heading of their own; when nothing is better than
 * weak, a first line says so plainly.
 */
export function formatResults(results: MatchResult[], c: Colours = colours(false), strings: MatchStrings = matchStrings('en')): string {
  const lines: string[] = [];
  const width = Math.max(...Object.values(strings.confidence).map((w) => w.length));
  if (results.length > 0 && results.every((r) => r.confidence === 'weak')) lines.push(strings.noStrongMatch, '');
  results.forEach((result, i) => {
    if (result.confidence === 'weak' && i > 0 && results[i - 1]!.confidence !== 'weak') lines.push(`— ${strings.weakHeading} —`, '');
    const word = strings.confidence[result.confidence].padEnd(width);
    const head = [`${String(i + 1).padStart(2)}.`, c.bold(result.score.toFixed(1).padStart(5)), result.confidence === 'strong' ? c.bold(word) : word, result.kind, result.date ?? '—'].join('  ');
    lines.push(`${head}  ${c.bold(clean(result.title))}`);
    const indent = '          ';
    if (result.titleEn) lines.push(`${indent}${clean(result.titleEn)}`);
    lines.push(`${indent}${c.dim(clean(result.file))}`);
    for (const reason of result.reasons) lines.push(`${indent}${c.cyan('•')} ${clean(reason.label)} ${c.dim(`(${reason.where})`)}`);
    if (result.fix) {
      lines.push(`${indent}${c.green(`${result.fix.type}:`)} ${clean(result.fix.summary.replace(/\s+/g, ' '))}`);
      if (result.fix.command) for (const line of result.fix.command.trimEnd().split('\n').slice(0, 6)) lines.push(`${indent}  $ ${clean(line)}`);
    }
    lines.push('');
  });
  return `${lines.join('\n')}`;
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`match: ${clean(message)}\n`);
    if (error instanceof UsageError) process.stderr.write('Run `npm run match -- --help` for usage.\n');
    process.exitCode = 2;
  },
);
