/**
 * The browser side of the benchmark: bundles the matcher (and lunr, for the
 * baseline) with esbuild, serves them with the bundles written by the Node
 * workers, and drives headless Chromium through playwright-core. Each load
 * runs in a fresh browser context (empty cache); the query pass runs on the
 * last one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { sizeOf, summarise, type Latency, type Size } from './bench-stats.ts';
import { LUNR_INDEX_FILE } from './bench-lunr.ts';
import type { BenchServer } from './bench-server.ts';
import { SAMPLING_INTERVAL_US, summariseProfile, type CpuProfile, type PhaseProfile } from './bench-profile.ts';
import { QUERY_PASSES, type BenchQuery } from './bench-queries.ts';

/** Chromium installed by Debian; override with `CHROMIUM_PATH`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags for a quiet headless run; precise memory info makes `performance.memory` exact. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--enable-precise-memory-info',
];

/** Page and bundle (unminified) used for Chromium CPU profiles. */
const PROFILE_PAGE = 'matcher-profile';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * JSON imports as the site's Vite build ships them (`json.stringify: 'auto'`: a file over 10 kB becomes
 * `JSON.parse('…')`, parsed faster than an object literal of the same data); esbuild would inline literals.
 */
const JSON_AS_VITE: Plugin = {
  name: 'json-as-vite',
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, ({ path }) => {
      const text = readFileSync(path, 'utf8');
      if (text.length <= 10_000) return undefined;
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: 'js' };
    });
  },
};

/** Writes `matcher.js`, `lunr.js` and the two pages into `dir`; returns the matcher bundle's size. */
export async function writePages(dir: string): Promise<Size> {
  const bundle = async (contents: string, outfile: string, minify = true): Promise<void> => {
    await build({
      stdin: { contents, resolveDir: ROOT, sourcefile: 'bench-entry.ts', loader: 'ts' },
      bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify, keepNames: !minify, outfile, logLevel: 'error',
      plugins: [JSON_AS_VITE],
    });
  };
  await bundle(`export { Matcher } from './src/matcher/index.ts';`, join(dir, 'matcher.js'));
  // Readable names for CPU profiles (`--profile`); the minified one is what is measured and sized.
  await bundle(`export { Matcher } from './src/matcher/index.ts';`, join(dir, `${PROFILE_PAGE}.js`), false);
  await bundle(`import lunr from 'lunr'; export { lunr };`, join(dir, 'lunr.js'));
  // A blank page for the side-by-side runs: each engine's code is imported inside the measured time.
  writeFileSync(join(dir, 'cold.html'), '<!doctype html><meta charset="utf-8"><title>cold</title>');
  for (const name of ['matcher', 'lunr', PROFILE_PAGE]) {
    writeFileSync(join(dir, `${name}.html`), `<!doctype html><meta charset="utf-8"><title>${name}</title>
<script type="module">import * as lib from './${name}.js'; window.lib = lib; window.libReady = true;</script>`);
  }
  return sizeOf(readFileSync(join(dir, 'matcher.js')));
}

/** What Chromium measured for the lunr baseline. */
export interface BrowserLunrResult {
  loadMs: number;
  search: Latency;
}

/** Launches Chromium. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

async function openPage(browser: Browser, server: BenchServer, name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}${name}.html`);
  await page.waitForFunction(() => (window as unknown as { libReady?: boolean }).libReady === true, undefined, { timeout: 30_000 })
    .catch(() => { throw new Error(`bench: ${name}.html did not load: ${errors.join('; ') || 'timeout'}`); });
  return { context, page };
}

/** Loads the lunr baseline index once cold and times the queries. */
export async function measureLunr(browser: Browser, server: BenchServer, size: number, queries: BenchQuery[]): Promise<BrowserLunrResult> {
  const { context, page } = await openPage(browser, server, 'lunr');
  const result = await page.evaluate(async ({ url, texts, passes }) => {
    const { lunr } = (window as any).lib;
    const t0 = performance.now();
    const index = lunr.Index.load(await (await fetch(url)).json());
    const loadMs = performance.now() - t0;
    const run = (text: string): unknown => index.query((q: any) => { q.term(lunr.tokenizer(text), {}); });
    const search = texts.map(() => Infinity);
    for (let pass = 0; pass < passes; pass++) {
      texts.forEach((text, i) => { const t = performance.now(); run(text); search[i] = Math.min(search[i]!, performance.now() - t); });
    }
    return { loadMs, search };
  }, { url: `${server.url}${size}/${LUNR_INDEX_FILE}`, texts: queries.map((q) => q.text), passes: QUERY_PASSES });
  await context.close();
  return { loadMs: result.loadMs, search: summarise(result.search) };
}

/** Profiles a cold `Matcher.load` and the first queries' `searchAll` in Chromium (unminified bundle) through CDP; writes `file`. */
export async function profileLoad(browser: Browser, server: BenchServer, size: number, file: string, texts: string[] = []): Promise<PhaseProfile> {
  const { context, page } = await openPage(browser, server, PROFILE_PAGE);
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    await page.evaluate(async ({ base, texts }) => {
      const m = await (window as any).lib.Matcher.load(base);
      for (const text of texts) await m.searchAll(text);
    }, { base: `${server.url}${size}/`, texts });
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    return { phase: `Chromium Matcher.load + ${texts.length} searchAll`, file, ...summariseProfile(profile as unknown as CpuProfile, `${PROFILE_PAGE}.js`) };
  } finally {
    await cdp.detach();
    await context.close();
  }
}
