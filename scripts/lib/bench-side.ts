/**
 * Precedent and Pagefind side by side in one Chromium session, over the same
 * synthetic library and the same queries, served gzipped from 127.0.0.1.
 * Runs are interleaved (Precedent cold, Pagefind cold, three times, each in
 * a fresh browser context: empty cache); the last run of each then times
 * warm queries and the pasted log.
 *
 * - cold first result: from importing the engine's code to the first query's
 *   top results with their titles (Precedent: its directory fetched beside the
 *   import (`Matcher.load`'s `directory` option), then `searchAll`, rows included; Pagefind: `init` + `search` + `data()` of the top results);
 * - bytes: what the server sent (gzip) from the start of that import, code
 *   included, up to the first result and up to the 20th query;
 * - warm: every query once more after all have run once (what they need is
 *   loaded), fastest of `QUERY_PASSES` passes, p50 / p95 across queries;
 * - log: the 100 KB pasted log, first run on the warmed engine (Precedent
 *   fetches the chunks it needs; its second run, everything loaded, too).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { median, summarise, type Latency } from './bench-stats.ts';
import type { BenchServer } from './bench-server.ts';
import { QUERY_PASSES, type BenchQuery } from './bench-queries.ts';
import { PAGEFIND_DIR } from './bench-pagefind.ts';

/** Interleaved cold runs per engine; medians are reported. */
export const SIDE_RUNS = 3;
/** Queries counted in "bytes after 20 queries". */
export const QUERIES_COUNTED = 20;
/** A pasted log search that takes longer than this is reported as timed out (ms). */
export const LOG_TIMEOUT_MS = 30_000;

/** Requests of one kind in a timed span: how many, and when the first started and the last ended (ms from the span's start). */
export interface RequestSpan {
  count: number;
  startMs: number;
  endMs: number;
}

/**
 * Where a cold first result (or the log's first run) went, from the page's
 * resource timings: the matcher's code, its directory, key chunks and
 * document chunks, each as one span; `importMs` is when the import resolved,
 * `totalMs` when the results were in.
 */
export interface Rounds {
  importMs?: number;
  totalMs: number;
  code?: RequestSpan;
  directory?: RequestSpan;
  keyChunks?: RequestSpan;
  docChunks?: RequestSpan;
}

/** One engine measured in Chromium. */
export interface EngineResult {
  coldFirstResultMs: number;
  coldRuns: number[];
  firstResultBytesGzip: number;
  bytesAfter20Gzip: number;
  requestsFirstResult: number;
  requestsAfter20: number;
  /** Results of the first query (sanity: both engines answer it). */
  firstResults: number;
  warm: Latency;
  /** First run of the pasted log; `null` when it timed out. */
  logMs: number | null;
  /** Second run of the log (Precedent: its chunks loaded). */
  logWarmMs: number | null;
  /** Precedent: the request rounds of the cold first result (the median run) and of the log's first run. */
  coldRounds?: Rounds;
  logRounds?: Rounds;
}

/** Both engines at one size. */
export interface SideResult {
  precedent: EngineResult;
  pagefind?: EngineResult;
}

type Engine = 'precedent' | 'pagefind';

async function blankPage(browser: Browser, server: BenchServer): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}cold.html`);
  return { context, page };
}

/** Starts the engine cold and answers the first query; leaves `window.run(q)` for the rest. */
async function startCold(page: Page, engine: Engine, server: BenchServer, size: number, first: string, limit: number): Promise<{ ms: number; results: number; rounds?: Rounds }> {
  if (engine === 'precedent') {
    return page.evaluate(async ({ code, base, first, limit }) => {
      // Spans of the requests made since `t0`, by kind of file; kept on the page for the log's run.
      const roundsOf = (t0: number, totalMs: number, importMs?: number) => {
        const spans: Record<string, { count: number; startMs: number; endMs: number }> = {};
        const kindOf = (name: string) => /matcher\.js$/.test(name) ? 'code' : /manifest\.json$/.test(name) ? 'directory'
          : /\/k-[^/]*\.json$/.test(name) ? 'keyChunks' : /\/d-[^/]*\.json$/.test(name) ? 'docChunks' : undefined;
        for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
          const kind = kindOf(e.name);
          if (!kind || e.startTime < t0) continue;
          const span = spans[kind] ?? (spans[kind] = { count: 0, startMs: Infinity, endMs: 0 });
          span.count++;
          span.startMs = Math.min(span.startMs, e.startTime - t0);
          span.endMs = Math.max(span.endMs, e.responseEnd - t0);
        }
        return { ...(importMs === undefined ? {} : { importMs }), totalMs, ...spans };
      };
      (window as any).roundsOf = roundsOf;
      performance.setResourceTimingBufferSize(100_000);
      const t0 = performance.now();
      // The directory is asked for beside the code (Matcher.load's `directory` option), not after it.
      const directory = fetch(`${base}manifest.json`);
      const { Matcher } = await import(code);
      const importMs = performance.now() - t0;
      const m = await Matcher.load(base, undefined, { directory });
      const results = await m.searchAll(first, { limit });
      const ms = performance.now() - t0;
      (window as any).run = (q: string) => m.searchAll(q, { limit });
      return { ms, results: results.length, rounds: roundsOf(t0, ms, importMs) };
    }, { code: `${server.url}matcher.js`, base: `${server.url}${size}/`, first, limit });
  }
  return page.evaluate(async ({ code, first, limit }) => {
    const t0 = performance.now();
    const pf = await import(code);
    await pf.init();
    const run = async (q: string) => {
      const found = await pf.search(q);
      return Promise.all(found.results.slice(0, limit).map((r: { data: () => Promise<unknown> }) => r.data()));
    };
    const results = await run(first);
    const ms = performance.now() - t0;
    (window as any).run = run;
    return { ms, results: results.length };
  }, { code: `${server.url}${size}/${PAGEFIND_DIR}/pagefind.js`, first, limit });
}

async function runAll(page: Page, texts: string[]): Promise<void> {
  await page.evaluate(async (texts) => {
    for (const text of texts) await (window as any).run(text);
  }, texts);
}

async function timeWarm(page: Page, texts: string[], passes: number): Promise<number[]> {
  return page.evaluate(async ({ texts, passes }) => {
    const best = texts.map(() => Infinity);
    for (let pass = 0; pass < passes; pass++) {
      for (let i = 0; i < texts.length; i++) {
        const t = performance.now();
        await (window as any).run(texts[i]);
        best[i] = Math.min(best[i]!, performance.now() - t);
      }
    }
    return best;
  }, { texts, passes });
}

async function timeLog(page: Page, log: string): Promise<{ ms: number | null; rounds?: Rounds }> {
  return page.evaluate(async ({ log, timeout }) => {
    const t = performance.now();
    const done = await Promise.race([(window as any).run(log).then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), timeout))]);
    const ms = done ? performance.now() - t : null;
    const roundsOf = (window as any).roundsOf;
    return { ms, ...(roundsOf && ms !== null ? { rounds: roundsOf(t, ms) } : {}) };
  }, { log, timeout: LOG_TIMEOUT_MS });
}

const sentBytes = (server: BenchServer): number => server.sent.reduce((sum, s) => sum + s.bytes, 0);

/** Measures one engine once cold; with `full`, also warm queries and the log. */
async function measureOnce(
  browser: Browser, server: BenchServer, engine: Engine, size: number, queries: BenchQuery[], log: string, limit: number, full: boolean,
): Promise<Omit<EngineResult, 'coldRuns'>> {
  const { context, page } = await blankPage(browser, server);
  try {
    const texts = queries.map((q) => q.text);
    server.reset();
    const first = await startCold(page, engine, server, size, texts[0] ?? '', limit);
    const firstBytes = sentBytes(server);
    const firstRequests = server.sent.length;
    await runAll(page, texts.slice(1, QUERIES_COUNTED));
    const after20 = sentBytes(server);
    const after20Requests = server.sent.length;
    let warm = summarise([]);
    let logMs: number | null = null;
    let logWarmMs: number | null = null;
    let logRounds: Rounds | undefined;
    if (full) {
      await runAll(page, texts);
      warm = summarise(await timeWarm(page, texts, QUERY_PASSES));
      const logRun = await timeLog(page, log);
      logMs = logRun.ms;
      logRounds = logRun.rounds;
      if (logMs !== null) logWarmMs = (await timeLog(page, log)).ms;
    }
    return {
      coldFirstResultMs: first.ms,
      firstResultBytesGzip: firstBytes,
      bytesAfter20Gzip: after20,
      requestsFirstResult: firstRequests,
      requestsAfter20: after20Requests,
      firstResults: first.results,
      warm,
      logMs,
      logWarmMs,
      ...(first.rounds ? { coldRounds: first.rounds } : {}),
      ...(logRounds ? { logRounds } : {}),
    };
  } finally {
    await context.close();
  }
}

/** Runs both engines interleaved at one size. */
export async function measureSideBySide(
  browser: Browser, server: BenchServer, size: number, queries: BenchQuery[], log: string, limit: number, withPagefind: boolean,
): Promise<SideResult> {
  const engines: Engine[] = withPagefind ? ['precedent', 'pagefind'] : ['precedent'];
  const runs = new Map<Engine, Array<Omit<EngineResult, 'coldRuns'>>>(engines.map((e) => [e, []]));
  for (let run = 0; run < SIDE_RUNS; run++) {
    for (const engine of engines) runs.get(engine)!.push(await measureOnce(browser, server, engine, size, queries, log, limit, run === SIDE_RUNS - 1));
  }
  const combine = (list: Array<Omit<EngineResult, 'coldRuns'>>): EngineResult => {
    const last = list[list.length - 1]!;
    const coldMedian = median(list.map((r) => r.coldFirstResultMs));
    const medianRun = list.find((r) => r.coldFirstResultMs === coldMedian) ?? last;
    return {
      ...last,
      ...(medianRun.coldRounds ? { coldRounds: medianRun.coldRounds } : {}),
      coldFirstResultMs: median(list.map((r) => r.coldFirstResultMs)),
      coldRuns: list.map((r) => r.coldFirstResultMs),
      firstResultBytesGzip: median(list.map((r) => r.firstResultBytesGzip)),
      bytesAfter20Gzip: median(list.map((r) => r.bytesAfter20Gzip)),
    };
  };
  return { precedent: combine(runs.get('precedent')!), ...(withPagefind ? { pagefind: combine(runs.get('pagefind')!) } : {}) };
}
