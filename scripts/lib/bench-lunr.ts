/**
 * The reference the matcher is measured against: a plain lunr index (English
 * pipeline, the library's defaults) over each record's full text, built from
 * the same synthetic library and queried with the same queries. Runs in its own
 * process per size, like `bench-node.ts`; writes `lunr-index.json` for the
 * browser run and prints one JSON `LunrResult`.
 *
 * Queries go through `idx.query` with lunr's own tokenizer, never `idx.search`,
 * whose query syntax throws on `:` or `~` in user text.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import { synthLibrary } from './synth.ts';
import { QUERY_PASSES, RESULT_LIMIT, synthLog, synthQueries } from './bench-queries.ts';
import { median, MemorySampler, sizeOf, summarise, time, type Latency, type Size } from './bench-stats.ts';
import type { NodeJob } from './bench-node.ts';
import type { MatchDoc } from '../../src/matcher/index.ts';

/** File the serialized lunr index is written to, in the job's directory. */
export const LUNR_INDEX_FILE = 'lunr-index.json';

/** A load slower than this is not repeated. */
const SLOW_LOAD_MS = 2000;

/** What the lunr worker reports. */
export interface LunrResult {
  size: number;
  buildMs: number;
  buildCpuMs: number;
  index: Size;
  /** JSON.parse + `lunr.Index.load`, median of runs. */
  loadMs: number;
  search: Latency;
  logMs: number;
  memory: { rssPeak: number; heapPeakSampled: number };
}

/** Runs the query as lunr terms, so user text cannot hit lunr's query syntax. */
export function lunrQuery(index: lunr.Index, text: string): lunr.Index.Result[] {
  return index.query((query) => {
    query.term(lunr.tokenizer(text), {});
  });
}

/** Builds, saves, loads and queries the lunr baseline for one size. */
export function runLunrJob(job: NodeJob): LunrResult {
  const sampler = new MemorySampler().start();
  const docs = synthLibrary(job.size, { seed: job.seed });
  const queries = synthQueries(docs, job.queries, job.seed);
  const log = synthLog(docs, undefined, job.seed);
  const built = time(() => JSON.stringify(buildLunr(docs)));
  docs.length = 0; // let the library and the built index go before loading, as a fresh page would
  const json = built.value;
  sampler.sample();
  writeFileSync(join(job.dir, LUNR_INDEX_FILE), json);
  globalThis.gc?.();
  const loads: number[] = [];
  let index: lunr.Index | undefined;
  // Three runs for a median, one when a load is slow enough that noise does not matter.
  for (let run = 0; run < ((loads[0] ?? 0) > SLOW_LOAD_MS ? 1 : 3); run++) {
    index = undefined;
    globalThis.gc?.();
    const loaded = time(() => lunr.Index.load(JSON.parse(json)));
    loads.push(loaded.ms);
    index = loaded.value;
    sampler.sample();
  }
  const idx = index!;
  const timings = queries.map(() => Infinity);
  for (let pass = 0; pass < QUERY_PASSES; pass++) {
    queries.forEach((q, i) => { timings[i] = Math.min(timings[i]!, time(() => lunrQuery(idx, q.text).slice(0, RESULT_LIMIT)).ms); });
  }
  const logMs = time(() => lunrQuery(idx, log)).ms;
  sampler.stop();
  return {
    size: job.size,
    buildMs: built.ms,
    buildCpuMs: built.cpuMs,
    index: sizeOf(json),
    loadMs: median(loads),
    search: summarise(timings),
    logMs,
    memory: { rssPeak: MemorySampler.peakRss(), heapPeakSampled: sampler.heapPeak },
  };
}

/** The baseline index: title (both languages), summary and body, lunr defaults. */
function buildLunr(docs: readonly MatchDoc[]): lunr.Index {
  return lunr(function () {
    this.ref('id');
    this.field('title');
    this.field('summary');
    this.field('text');
    for (const doc of docs) this.add({ id: doc.id, title: `${doc.title} ${doc.titleEn ?? ''}`, summary: doc.summary, text: doc.text });
  });
}

if (import.meta.main) {
  const job = JSON.parse(process.argv[2] ?? '{}') as NodeJob;
  process.stdout.write(`${JSON.stringify(runLunrJob(job))}\n`);
}
