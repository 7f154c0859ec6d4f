/**
 * Proves that a team's own library leaves the suite green: copies this
 * checkout (tracked and unignored files, as a clone has them) into a temp
 * folder with nothing beside it (no `../shared/`), adds `--records N`
 * (default 40) synthetic records to its `content/incidents/`, runs `npm test`
 * there, and checks that every added record is published: a page per record
 * in both UI languages in the build of `content/` the tests make. Prints the
 * numbers; exit 0 when all hold. Nothing in this checkout is changed.
 *
 *   npm run prove:team-library -- [--records 40] [--install] [--keep]
 *
 * `--install` runs `npm ci` in the copy instead of linking this checkout's
 * `node_modules/`; `--keep` leaves the temp folder for inspection (it is
 * always kept when something fails).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSynthRecords } from './lib/synth-records.ts';

/** The checkout copied (this file is scripts/prove-team-library.ts). */
const ROOT = path.resolve(import.meta.dirname, '..');
/** How many records are added when `--records` is not given. */
const DEFAULT_RECORDS = 40;
/** Where the tests build `content/` (test/e2e/content.test.ts). */
const CONTENT_SITE = 'test-output/content-site';
const LANGS = ['zh', 'en'] as const;

/** Vitest's JSON report, as far as it is read here. */
interface VitestReport {
  numTotalTests: number;
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: Array<{ status: string; name: string; assertionResults: Array<{ status: string }> }>;
}

function run(command: string, args: string[], cwd: string): number {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status ?? 1;
}

function main(): number {
  const { values } = parseArgs({
    options: { records: { type: 'string', default: String(DEFAULT_RECORDS) }, install: { type: 'boolean' }, keep: { type: 'boolean' } },
  });
  const count = Number(values.records);
  if (!Number.isInteger(count) || count < 1) {
    console.error(`prove-team-library: --records expects a whole number above 0, got \`${values.records}\``);
    return 2;
  }
  const started = Date.now();
  const temp = mkdtempSync(path.join(tmpdir(), 'precedent-team-'));
  const repo = path.join(temp, 'repo');

  // Copy what a clone holds: tracked files and new unignored ones, none of the ignored build output.
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  const files = listed.stdout.split('\0').filter((file) => file && existsSync(path.join(ROOT, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    copyFileSync(path.join(ROOT, file), path.join(repo, file));
  }
  const shared = path.join(temp, 'shared');
  console.log(`copied ${files.length} files to ${repo} (${existsSync(shared) ? 'with' : 'no'} ../shared beside it)`);

  const added = writeSynthRecords(path.join(repo, 'content/incidents'), count).map((name) => name.replace(/\.md$/, ''));
  console.log(`added ${added.length} records to content/incidents/ (${added[0]} … ${added.at(-1)})`);

  if (values.install) {
    if (run('npm', ['ci', '--no-audit', '--no-fund'], repo) !== 0) return fail(temp, 'npm ci failed');
  } else {
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  }

  const reportFile = path.join(repo, 'test-output/vitest.json');
  mkdirSync(path.dirname(reportFile), { recursive: true });
  const status = run('npm', ['test', '--', '--reporter=dot', '--reporter=json', `--outputFile.json=${reportFile}`], repo);
  if (!existsSync(reportFile)) return fail(temp, `npm test exited ${status} without a report`);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as VitestReport;
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'));

  const missing = added.flatMap((id) =>
    LANGS.filter((lang) => !existsSync(path.join(repo, CONTENT_SITE, lang, 'records', id, 'index.html'))).map((lang) => `/${lang}/records/${id}/`),
  );
  const pages = added.length * LANGS.length - missing.length;
  const seconds = Math.round((Date.now() - started) / 1000);

  console.log('');
  console.log(`npm test: exit ${status}; ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped, ${brokenFiles.length} files failed to load (${report.numTotalTests} tests)`);
  console.log(`published: ${pages} of ${added.length * LANGS.length} pages of the ${added.length} added records (${LANGS.join(' + ')})`);
  for (const page of missing) console.log(`  missing ${page}`);
  console.log(`took ${seconds} s`);

  const ok = status === 0 && report.numFailedTests === 0 && brokenFiles.length === 0 && missing.length === 0;
  if (!ok) return fail(temp, 'the library of a team did not pass');
  if (values.keep) console.log(`kept ${temp}`);
  else rmSync(temp, { recursive: true, force: true });
  return 0;
}

function fail(temp: string, message: string): number {
  console.error(`prove-team-library: ${message}; kept ${temp} for inspection`);
  return 1;
}

process.exitCode = main();
