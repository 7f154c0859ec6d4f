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
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { byKindOf, median, sizeOf, slowestOf, summarise, type Latency, type Size, type SlowQuery } from './bench-stats.ts';
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
/** Cold loads per size, each in a fresh context; the median is reported. */
export const LOAD_RUNS = 3;

/** Page and bundle (unminified) used for Chromium CPU profiles. */
const PROFILE_PAGE = 'matcher-profile';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Writes `matcher.js`, `lunr.js` and the two pages into `dir`; returns the matcher bundle's size. */
export async function writePages(dir: string): Promise<Size> {
  const bundle = async (contents: string, outfile: string, minify = true): Promise<void> => {
    await build({
      stdin: { contents, resolveDir: ROOT, sourcefile: 'bench-entry.ts', loader: 'ts' },
      bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify, keepNames: !minify, outfile, logLevel: 'error',
    });
  };
  await bundle(`export { Matcher } from './src/matcher/index.ts';`, join(dir, 'matcher.js'));
  // Readable names for CPU profiles (`--profile`); the minified one is what is measured and sized.
  await bundle(`export { Matcher } from './src/matcher/index.ts';`, join(dir, `${PROFILE_PAGE}.js`), false);
  await bundle(`import lunr from 'lunr'; export { lunr };`, join(dir, 'lunr.js'));
  for (const name of ['matcher', 'lunr', PROFILE_PAGE]) {
    writeFileSync(join(dir, `${name}.html`), `<!doctype html><meta charset="utf-8"><title>${name}</title>
<script type="module">import * as lib from './${name}.js'; window.lib = lib; window.libReady = true;</script>`);
  }
  return sizeOf(readFileSync(join(dir, 'matcher.js')));
}

/** One resource the page fetched while loading, from the Resource Timing API. */
export interface ResourceTiming {
  name: string;
  /** Start and duration relative to the start of `Matcher.load`, ms. */
  start: number;
  duration: number;
  /** Bytes on the wire and decoded. */
  transfer: number;
  decoded: number;
}

/** What Chromium measured for one size. */
export interface BrowserResult {
  readyMs: number;
  readyRuns: number[];
  /** Load plus the first (cold) query, median of runs. */
  firstResultMs: number;
  /** Bytes the server sent during `Matcher.load` (gzip). */
  loadBytes: number;
  resources: ResourceTiming[];
  search: Latency;
  searchByKind: Record<string, Latency>;
  slowest: SlowQuery[];
  /** Cold `searchAll` pass (shards fetched as needed) and what it fetched. */
  searchAll: Latency;
  /** A second `searchAll` pass, the shards it needs already loaded. */
  searchAllWarm: Latency;
  shardBytes: number;
  shardRequests: number;
  log: { medianMs: number; maxMs: number };
  /** JS heap: after load (before GC: close to the peak), retained after GC, minus the empty page. */
  memory: { heapAfterLoad: number; heapRetained: number; performanceMemory: number | null };
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

async function heapUsed(context: BrowserContext, page: Page, collect: boolean): Promise<number> {
  const cdp = await context.newCDPSession(page);
  if (collect) await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
}

/** Loads the matcher for one size `LOAD_RUNS` times cold, then times the queries and the log. */
export async function measureMatcher(browser: Browser, server: BenchServer, size: number, queries: BenchQuery[], log: string, limit: number): Promise<BrowserResult> {
  const base = `${server.url}${size}/`;
  const readyRuns: number[] = [];
  const firstResultRuns: number[] = [];
  let last: Omit<BrowserResult, 'readyMs' | 'readyRuns' | 'firstResultMs'> | undefined;
  for (let run = 0; run < LOAD_RUNS; run++) {
    const { context, page } = await openPage(browser, server, 'matcher');
    const heapEmpty = await heapUsed(context, page, true);
    server.reset();
    const loaded = await page.evaluate(async ({ base, first, limit }) => {
      const { Matcher } = (window as any).lib;
      const t0 = performance.now();
      const m = await Matcher.load(base);
      const ready = performance.now() - t0;
      m.search(first, { limit });
      const firstResult = performance.now() - t0;
      (window as any).m = m;
      const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => entry.name.startsWith(base))
        .map((entry) => ({ name: entry.name.slice(base.length), start: entry.startTime - t0, duration: entry.duration, transfer: entry.transferSize, decoded: entry.decodedBodySize }));
      return { ready, firstResult, resources };
    }, { base, first: queries[0]?.text ?? '', limit });
    readyRuns.push(loaded.ready);
    firstResultRuns.push(loaded.firstResult);
    const loadBytes = server.sent.reduce((sum, sent) => sum + sent.bytes, 0);
    const heapAfterLoad = (await heapUsed(context, page, false)) - heapEmpty;
    const heapRetained = (await heapUsed(context, page, true)) - heapEmpty;
    if (run === LOAD_RUNS - 1) {
      const texts = queries.map((q) => q.text);
      const timed = await page.evaluate(async ({ texts, log, limit, passes }) => {
        const m = (window as any).m;
        // Fastest of `passes` runs per query, as in Node (see bench-node.ts).
        const search = texts.map(() => Infinity);
        for (let pass = 0; pass < passes; pass++) {
          texts.forEach((text, i) => { const t = performance.now(); m.search(text, { limit }); search[i] = Math.min(search[i]!, performance.now() - t); });
        }
        const logRuns = [0, 1, 2, 3, 4].map(() => { const t = performance.now(); m.search(log, { limit }); return performance.now() - t; });
        return { search, logRuns };
      }, { texts, log, limit, passes: QUERY_PASSES });
      server.reset();
      const all = await page.evaluate(async ({ texts, limit }) => {
        const m = (window as any).m;
        const times: number[] = [];
        for (const text of texts) { const t = performance.now(); await m.searchAll(text, { limit }); times.push(performance.now() - t); }
        // Again with the shards it needed in memory: the full work of a query, fetches aside.
        const warm: number[] = [];
        for (const text of texts) { const t = performance.now(); await m.searchAll(text, { limit }); warm.push(performance.now() - t); }
        const memory = (performance as any).memory?.usedJSHeapSize ?? null;
        return { times, warm, memory };
      }, { texts, limit });
      const shards = server.sent;
      last = {
        loadBytes,
        resources: loaded.resources,
        search: summarise(timed.search),
        searchByKind: byKindOf(queries, timed.search),
        slowest: slowestOf(queries, timed.search),
        searchAll: summarise(all.times),
        searchAllWarm: summarise(all.warm),
        shardBytes: shards.reduce((sum, sent) => sum + sent.bytes, 0),
        shardRequests: shards.length,
        log: { medianMs: median(timed.logRuns), maxMs: Math.max(...timed.logRuns) },
        memory: { heapAfterLoad, heapRetained, performanceMemory: all.memory },
      };
    }
    await context.close();
  }
  return { readyMs: median(readyRuns), readyRuns, firstResultMs: median(firstResultRuns), ...last! };
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

/** Profiles one cold `Matcher.load` in Chromium (unminified bundle) through CDP; writes `file`. */
export async function profileLoad(browser: Browser, server: BenchServer, size: number, file: string): Promise<PhaseProfile> {
  const { context, page } = await openPage(browser, server, PROFILE_PAGE);
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    await page.evaluate(async (base) => { await (window as any).lib.Matcher.load(base); }, `${server.url}${size}/`);
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    return { phase: 'Chromium ready (Matcher.load)', file, ...summariseProfile(profile as unknown as CpuProfile, `${PROFILE_PAGE}.js`) };
  } finally {
    await cdp.detach();
    await context.close();
  }
}
