/**
 * `npm run lighthouse`: Lighthouse 12 (pinned in package.json) on Debian's
 * Chromium against the built site served gzipped from 127.0.0.1, as a static
 * host would: the library, a record page and the matcher with a query in the
 * address, each with the mobile and the desktop preset. Prints the four
 * category scores and the cumulative layout shift of all six, with issue 8's
 * targets (every score ≥ 95, CLS < 0.1), and keeps each report's JSON in
 * test-output/lighthouse/.
 *
 * By default it builds the configured library into test-output/lighthouse/site/
 * (when that build is older than its sources) with the server's origin as the
 * site URL, so canonical and hreflang links are absolute as on a deployed
 * site; `--dist DIR` audits a build as it is.
 *
 *   npm run lighthouse -- [--lang zh|en] [--record ID] [--query TEXT] [--dist DIR] [--port N]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Config } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import lighthousePackage from 'lighthouse/package.json' with { type: 'json' };
import { ConfigError, configuredContentDir } from '../src/config.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/setup/browser.ts';
import { BuildError, ensureBuilt, ROOT, serveStatic, TEST_OUTPUT } from '../test/e2e/setup/server.ts';

/** Lighthouse's category ids, in the order its report shows them. */
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Issue 8's targets. */
export const MIN_SCORE = 95;
export const MAX_CLS = 0.1;
/** Where the JSON reports go (gitignored). */
export const REPORT_DIR = path.join(TEST_OUTPUT, 'lighthouse');
/** Where the default build goes. */
export const SITE_DIR = path.join(REPORT_DIR, 'site');
/** The server's port: fixed, so the build (whose links carry the origin) is reused while its sources are unchanged. */
export const DEFAULT_PORT = 4330;

const USAGE = 'usage: npm run lighthouse -- [--lang zh|en] [--record ID] [--query TEXT] [--dist DIR] [--port N]';

function fail(message: string): never {
  console.error(`lighthouse: ${message}`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      lang: { type: 'string', default: 'zh' },
      record: { type: 'string' },
      query: { type: 'string', default: '5555 连接数 超过 1020' },
      dist: { type: 'string' },
      port: { type: 'string', default: String(DEFAULT_PORT) },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const lang = values.lang!;
if (lang !== 'zh' && lang !== 'en') fail(`--lang must be zh or en, not “${lang}”\n${USAGE}`);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`--port must be a port number, not “${values.port}”\n${USAGE}`);
const origin = `http://127.0.0.1:${port}/`;
let dist: string;
try {
  if (!values.dist) process.stderr.write(`lighthouse: building the library into ${path.relative(ROOT, SITE_DIR)}/ for ${origin} (skipped when up to date)…\n`);
  dist = values.dist ? path.resolve(values.dist) : ensureBuilt({ content: configuredContentDir(ROOT), outDir: SITE_DIR, env: { PRECEDENT_SITE_URL: origin } });
} catch (error) {
  if (error instanceof BuildError) fail(`the site build failed:\n${error.output.trim()}`);
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}
if (!existsSync(path.join(dist, lang, 'index.html'))) fail(`no built site in ${path.relative(ROOT, dist) || '.'}/ (build it first)`);
if (!existsSync(CHROMIUM_PATH)) fail(`Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\`, or set PRECEDENT_CHROMIUM`);

/** The first record the library lists, read from its built HTML. */
function firstRecord(): string {
  const html = readFileSync(path.join(dist, lang, 'index.html'), 'utf8');
  const id = /\/records\/([^/"]+)\//.exec(html)?.[1];
  if (!id) fail(`the library page ${lang}/index.html links no record: nothing to audit`);
  return decodeURIComponent(id);
}

const record = values.record ?? firstRecord();
if (!existsSync(path.join(dist, lang, 'records', record, 'index.html'))) fail(`no page for record “${record}” in ${path.relative(ROOT, dist)}/${lang}/records/`);
const pages: Array<[string, string]> = [
  ['library', `${lang}/`],
  ['record', `${lang}/records/${encodeURIComponent(record)}/`],
  ['matcher', `${lang}/match/?q=${encodeURIComponent(values.query!)}`],
];
const presets: Array<[string, Config | undefined]> = [
  ['mobile', undefined],
  ['desktop', desktopConfig],
];

interface Row {
  page: string;
  preset: string;
  scores: number[];
  cls: number;
}

const site = await serveStatic(dist, { gzip: true, port });
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_ARGS, '--disable-quic'] });
mkdirSync(REPORT_DIR, { recursive: true });
const rows: Row[] = [];
try {
  for (const [page, href] of pages) {
    for (const [preset, config] of presets) {
      const url = new URL(href, site.url).href;
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, config);
      if (!result) fail(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) fail(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      writeFileSync(path.join(REPORT_DIR, `${page}-${preset}.json`), JSON.stringify(lhr));
      rows.push({
        page,
        preset,
        scores: CATEGORIES.map((id) => Math.round((lhr.categories[id]?.score ?? 0) * 100)),
        cls: Number(lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN),
      });
      process.stderr.write(`  ${page} ${preset} done\n`);
    }
  }
} finally {
  chrome.kill();
  await site.close();
}

const mark = (ok: boolean) => (ok ? '' : ' ✗');
console.log(`Lighthouse ${lighthousePackage.version}, ${lang} UI, record ${record}, query “${values.query}”`);
console.log(`target: every score ≥ ${MIN_SCORE}, CLS < ${MAX_CLS} (✗ marks a miss)\n`);
console.log(`| page | preset | ${CATEGORIES.join(' | ')} | CLS |`);
console.log(`|---|---|${CATEGORIES.map(() => '---:').join('|')}|---:|`);
for (const row of rows) {
  const cells = row.scores.map((score) => `${score}${mark(score >= MIN_SCORE)}`);
  console.log(`| ${row.page} | ${row.preset} | ${cells.join(' | ')} | ${row.cls.toFixed(3)}${mark(row.cls < MAX_CLS)} |`);
}
const misses = rows.flatMap((row) => [...row.scores.filter((score) => score < MIN_SCORE), ...(row.cls < MAX_CLS ? [] : [row.cls])]).length;
console.log(`\n${misses === 0 ? 'all cells on target' : `${misses} cell(s) below target`}; reports in ${path.relative(ROOT, REPORT_DIR)}/`);
