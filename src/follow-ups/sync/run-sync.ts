/**
 * `npm run actions -- --sync`: reads every linked tracker issue first, and
 * only when all of them answered rewrites the `status` of items whose issue
 * says otherwise. No token, a rate limit or any error: a message per problem
 * and no file touched.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ActionStatus } from '../../schema/taxonomy.ts';
import { filterActionItems, type ActionFilter } from '../filter.ts';
import { loadActionItems } from '../load.ts';
import { parseTrackerLink, trackerLabel, GITHUB_WEB_HOSTS, type TrackerRef } from '../tracker-link.ts';
import type { ActionRow } from '../types.ts';
import { EditError, findStatus, setActionStatus } from './edit-status.ts';
import { fetchGitHubIssue, GITHUB_API, GITHUB_API_ENV, GITHUB_TOKEN_ENVS } from './github.ts';
import { fetchJiraIssue, JIRA_API_ENV, JIRA_EMAIL_ENV, JIRA_TOKEN_ENV } from './jira.ts';
import { describeGitHub, describeJira, statusFromGitHub, statusFromJira } from './map-status.ts';
import { TrackerError } from './tracker-error.ts';

/** Tracker requests in flight at once. */
export const SYNC_CONCURRENCY = 4;
/** Environment variable with extra GitHub web hosts (GitHub Enterprise), comma-separated. */
export const GITHUB_HOSTS_ENV = 'PRECEDENT_GITHUB_HOSTS';

/** Exit codes, as the CLIs use them. */
const EXIT = { ok: 0, failed: 1 } as const;

/** What `runSync` needs. */
export interface SyncOptions {
  dir: string;
  /** Show the changes, write nothing. */
  dryRun: boolean;
  /** Only items passing this filter are synced. */
  filter?: ActionFilter;
  today: string;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** One status to change. */
export interface StatusChange {
  row: ActionRow;
  ref: TrackerRef;
  from: ActionStatus;
  to: ActionStatus;
  /** The tracker's state, in words. */
  remote: string;
}

interface Linked {
  row: ActionRow;
  ref: TrackerRef;
}

/** Runs the sync; returns the exit code (0 done or nothing to do, 1 a problem and nothing written). */
export async function runSync(options: SyncOptions): Promise<number> {
  const env = options.env ?? process.env;
  const { out, err } = options;
  const { rows, problems } = await loadActionItems(options.dir, options.today);
  if (problems.length > 0) {
    for (const problem of problems) err.write(`${problem.file}: ${problem.message}\n`);
    err.write('Fix the records above first (npm run validate); nothing changed.\n');
    return EXIT.failed;
  }
  const hosts = [...GITHUB_WEB_HOSTS, ...(env[GITHUB_HOSTS_ENV] ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean)];
  const linked: Linked[] = [];
  for (const row of filterActionItems(rows, options.filter ?? {})) {
    const ref = parseTrackerLink(row.link, hosts);
    if (ref) linked.push({ row, ref });
  }
  if (linked.length === 0) {
    out.write(`No action item links a GitHub or Jira issue (${rows.length} items read); nothing to sync.\n`);
    return EXIT.ok;
  }

  const githubToken = GITHUB_TOKEN_ENVS.map((name) => env[name]).find((value) => value);
  const jiraToken = env[JIRA_TOKEN_ENV];
  const missing: string[] = [];
  const count = (tracker: TrackerRef['tracker']) => linked.filter((l) => l.ref.tracker === tracker).length;
  if (count('github') > 0 && !githubToken) missing.push(`${count('github')} GitHub issue(s) need a token in ${GITHUB_TOKEN_ENVS.join(' or ')}`);
  if (count('jira') > 0 && !jiraToken) missing.push(`${count('jira')} Jira issue(s) need a token in ${JIRA_TOKEN_ENV} (and ${JIRA_EMAIL_ENV} for Jira Cloud)`);
  if (missing.length > 0) {
    for (const line of missing) err.write(`No token: ${line}.\n`);
    err.write('Nothing changed.\n');
    return EXIT.failed;
  }

  const github = { token: githubToken ?? '', api: env[GITHUB_API_ENV] || GITHUB_API, fetch: options.fetch };
  const jira = { token: jiraToken ?? '', email: env[JIRA_EMAIL_ENV] || undefined, api: env[JIRA_API_ENV] || undefined, fetch: options.fetch };
  const cache = new Map<string, Promise<{ to: (current: ActionStatus) => ActionStatus; remote: string }>>();
  const read = (ref: TrackerRef) => {
    const id = ref.tracker === 'github' ? `gh:${trackerLabel(ref).toLowerCase()}` : `jira:${ref.site}:${ref.key}`;
    let pending = cache.get(id);
    if (!pending) {
      pending =
        ref.tracker === 'github'
          ? fetchGitHubIssue(ref, github).then((issue) => ({ to: (c: ActionStatus) => statusFromGitHub(c, issue), remote: describeGitHub(issue) }))
          : fetchJiraIssue(ref, jira).then((issue) => ({ to: (c: ActionStatus) => statusFromJira(c, issue), remote: describeJira(issue) }));
      cache.set(id, pending);
    }
    return pending;
  };

  const failures: TrackerError[] = [];
  const changes: StatusChange[] = [];
  await eachLimited(linked, SYNC_CONCURRENCY, async ({ row, ref }) => {
    try {
      const answer = await read(ref);
      const to = answer.to(row.status);
      if (to !== row.status) changes.push({ row, ref, from: row.status, to, remote: answer.remote });
    } catch (error) {
      failures.push(error instanceof TrackerError ? error : new TrackerError('bad-response', `${trackerLabel(ref)}: ${(error as Error).message}`));
    }
  });
  if (failures.length > 0) {
    const seen = new Set<string>();
    for (const failure of failures) if (!seen.has(failure.message) && seen.add(failure.message)) err.write(`${failure.message}\n`);
    err.write(`${failures.length} of ${linked.length} linked issue(s) could not be read; nothing changed.\n`);
    return EXIT.failed;
  }
  changes.sort((a, b) => a.row.record.file.localeCompare(b.row.record.file) || a.row.index - b.row.index);

  // Edit each file in memory first; any edit that cannot be made stops the sync before a byte is written.
  const edits = new Map<string, { original: string; next: string }>();
  const lines: string[] = [];
  try {
    for (const change of changes) {
      const file = change.row.record.file;
      let entry = edits.get(file);
      if (!entry) {
        const text = await readFile(file, 'utf8');
        entry = { original: text, next: text };
      }
      const place = findStatus(entry.next, change.row.index).place;
      entry.next = setActionStatus(entry.next, change.row.index, change.to);
      edits.set(file, entry);
      lines.push(`${file}:${place.line}:${place.column}: ${change.from} → ${change.to}  ${trackerLabel(change.ref)} is ${change.remote}  (${change.row.key})`);
    }
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    err.write(`${error.message}; nothing changed.\n`);
    return EXIT.failed;
  }
  for (const line of lines) out.write(`${line}\n`);
  const summary = `${changes.length} of ${linked.length} linked item(s) changed in ${edits.size} file(s)`;
  if (options.dryRun || changes.length === 0) {
    out.write(changes.length === 0 ? `All ${linked.length} linked item(s) already match their trackers.\n` : `${summary} (dry run: nothing written).\n`);
    return EXIT.ok;
  }
  for (const [file, { original, next }] of edits) {
    // Someone (an editor, a git checkout) changed the file while the trackers were read: leave it.
    if ((await readFile(file, 'utf8')) !== original) {
      err.write(`${file}: changed on disk during the sync; left alone, run the sync again.\n`);
      continue;
    }
    await writeAtomically(file, next);
  }
  out.write(`${summary}.\n`);
  return EXIT.ok;
}

/** Writes `text` to a temporary file beside `file`, then renames it over `file`. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(lanes);
}
