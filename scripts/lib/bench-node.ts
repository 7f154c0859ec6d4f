/**
 * The matcher's Node side of the benchmark, run in its own process per library
 * size (so peak memory is that size's alone): generate the library, build the
 * index, write the bundle for the browser run, load it back from JSON text,
 * and time queries and a pasted log.
 *
 * Run by `scripts/bench.ts` as `node --expose-gc bench-node.ts '<json job>'`;
 * prints one JSON `NodeResult` on stdout.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex, Matcher, type IndexBundle } from '../../src/matcher/index.ts';
import { synthLibrary } from './synth.ts';
import { profilePhase, type PhaseProfile } from './bench-profile.ts';
import { QUERY_PASSES, RESULT_LIMIT, synthLog, synthQueries } from './bench-queries.ts';
import { addSizes, byKindOf, MemorySampler, median, sizeOf, slowestOf, summarise, time, timeAsync, type Latency, type Size, type SlowQuery } from './bench-stats.ts';

/** Times the pasted log is searched; the median is reported. */
export const LOG_RUNS = 5;

/** What the parent asks one worker to do. */
export interface NodeJob {
  size: number;
  queries: number;
  seed: number;
  /** Directory to write the bundle, `queries.json` and `log.txt` into. */
  dir: string;
  /** Directory for CPU profiles of load, queries and log (`--profile`); none when absent. */
  profileDir?: string;
}

/** One file of the bundle, with its sizes and the time to JSON.parse it. */
export interface FileStat extends Size {
  name: string;
  role: 'manifest' | 'key' | 'doc';
  parseMs: number;
}

/** What a worker reports. */
export interface NodeResult {
  size: number;
  generateMs: number;
  buildMs: number;
  buildCpuMs: number;
  files: FileStat[];
  firstResult: Size;
  total: Size;
  /** `Matcher.fromBundle` from JSON text: median of runs, and each run. */
  readyMs: number;
  readyRuns: number[];
  /** CPU time of the same loads (median): steadier than wall time on a busy machine. */
  readyCpuMs: number;
  /** JSON.parse of manifest and core files alone, summed: the share of ready spent parsing. */
  coreParseMs: number;
  /** JSON.parse of every file, shards included: what `fromBundle` parses. */
  allParseMs: number;
  search: Latency;
  /** CPU time per query. */
  searchCpu: Latency;
  searchByKind: Record<string, Latency>;
  /** The slowest queries (wall time), slowest first. */
  slowest: SlowQuery[];
  searchAll: Latency;
  /** Queries drawn from a record that found it in the top `RESULT_LIMIT`, out of those drawn from one. */
  foundOwn: { found: number; of: number };
  log: { bytes: number; medianMs: number; maxMs: number; cpuMs: number; results: number };
  memory: { rssPeak: number; heapPeakSampled: number; matcherHeap: number; buildPeakRss: number };
  /** With `profileDir`: one profiled run of each phase, after the timed ones. */
  profiles?: PhaseProfile[];
}

/** Runs one job. */
export async function runNodeJob(job: NodeJob): Promise<NodeResult> {
  const sampler = new MemorySampler().start();
  const generated = time(() => synthLibrary(job.size, { seed: job.seed }));
  const docs = generated.value;
  const queries = synthQueries(docs, job.queries, job.seed);
  const log = synthLog(docs, undefined, job.seed);
  const built = time(() => buildIndex(docs));
  sampler.sample();
  // The kernel's high-water mark so far: generating the library and building its index.
  const buildPeakRss = MemorySampler.peakRss();
  const files = writeBundle(built.value, job.dir);
  writeFileSync(join(job.dir, 'queries.json'), JSON.stringify(queries));
  writeFileSync(join(job.dir, 'log.txt'), log);
  const core = files.filter((file) => file.role === 'manifest');

  // Load from the JSON text on disk, as the CLI would; several runs, median kept.
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const readyRuns: number[] = [];
  const readyCpu: number[] = [];
  let matcher: Matcher | undefined;
  for (let run = 0; run < (job.size > 30_000 ? 1 : 3); run++) {
    const bundle = readBundle(job.dir, files);
    matcher = undefined;
    globalThis.gc?.();
    const ready = time(() => Matcher.fromBundle(bundle));
    readyRuns.push(ready.ms);
    readyCpu.push(ready.cpuMs);
    matcher = ready.value;
    sampler.sample();
  }
  globalThis.gc?.();
  const matcherHeap = process.memoryUsage().heapUsed - heapBefore;
  const m = matcher!;

  // Each query runs QUERY_PASSES times and keeps its fastest: the first pass warms the JIT, and
  // the minimum drops the scheduler's noise on a shared machine. Percentiles are across queries.
  const timings: number[] = queries.map(() => Infinity);
  const cpuTimings: number[] = queries.map(() => Infinity);
  let found = 0;
  let of = 0;
  for (let pass = 0; pass < QUERY_PASSES; pass++) {
    queries.forEach((q, i) => {
      const { value, ms, cpuMs } = time(() => m.search(q.text, { limit: RESULT_LIMIT }));
      timings[i] = Math.min(timings[i]!, ms);
      cpuTimings[i] = Math.min(cpuTimings[i]!, cpuMs);
      if (pass === 0 && q.from && q.kind !== 'miss') {
        of++;
        if (value.some((result) => result.id === q.from)) found++;
      }
    });
  }
  sampler.sample();
  const allTimings: number[] = [];
  for (const q of queries) allTimings.push((await timeAsync(() => m.searchAll(q.text, { limit: RESULT_LIMIT }))).ms);
  const logRuns: number[] = [];
  const logCpu: number[] = [];
  let logResults = 0;
  for (let run = 0; run < LOG_RUNS; run++) {
    const { value, ms, cpuMs } = time(() => m.search(log, { limit: RESULT_LIMIT }));
    logRuns.push(ms);
    logCpu.push(cpuMs);
    logResults = value.length;
  }
  sampler.stop();
  const memory = { rssPeak: MemorySampler.peakRss(), heapPeakSampled: sampler.heapPeak, matcherHeap, buildPeakRss };
  let profiles: PhaseProfile[] | undefined;
  if (job.profileDir) {
    const base = join(job.profileDir, String(job.size));
    mkdirSync(job.profileDir, { recursive: true });
    const bundle = readBundle(job.dir, files);
    profiles = [
      await profilePhase('Node ready (fromBundle)', `${base}-ready.cpuprofile`, () => Matcher.fromBundle(bundle)),
      await profilePhase(`Node, ${queries.length} queries (search)`, `${base}-search.cpuprofile`, () => { for (const q of queries) m.search(q.text, { limit: RESULT_LIMIT }); }),
      await profilePhase('Node, 100 KB log (search)', `${base}-log.cpuprofile`, () => m.search(log, { limit: RESULT_LIMIT })),
    ];
  }
  return {
    size: job.size,
    generateMs: generated.ms,
    buildMs: built.ms,
    buildCpuMs: built.cpuMs,
    files,
    firstResult: addSizes(core),
    total: addSizes(files),
    readyMs: median(readyRuns),
    readyRuns,
    readyCpuMs: median(readyCpu),
    coreParseMs: core.reduce((sum, file) => sum + file.parseMs, 0),
    allParseMs: files.reduce((sum, file) => sum + file.parseMs, 0),
    search: summarise(timings),
    searchCpu: summarise(cpuTimings),
    searchByKind: byKindOf(queries, timings),
    slowest: slowestOf(queries, timings),
    searchAll: summarise(allTimings),
    foundOwn: { found, of },
    log: { bytes: Buffer.byteLength(log), medianMs: median(logRuns), maxMs: Math.max(...logRuns), cpuMs: median(logCpu), results: logResults },
    memory,
    ...(profiles ? { profiles } : {}),
  };
}

/** Writes every bundle file and `manifest.json`; returns each file's sizes and parse time. */
function writeBundle(bundle: IndexBundle, dir: string): FileStat[] {
  mkdirSync(dir, { recursive: true });
  const texts: Record<string, string> = { ...bundle.files };
  texts['manifest.json'] ??= JSON.stringify(bundle.manifest);
  return Object.entries(texts).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    const role = name === 'manifest.json' ? 'manifest' : name.startsWith('d-') ? 'doc' : 'key';
    const parseMs = median([0, 1, 2].map(() => time(() => JSON.parse(text)).ms));
    return { name, role, parseMs, ...sizeOf(text) };
  });
}

function readBundle(dir: string, files: readonly FileStat[]): IndexBundle {
  const texts: Record<string, string> = {};
  for (const file of files) texts[file.name] = readFileSync(join(dir, file.name), 'utf8');
  return { manifest: JSON.parse(texts['manifest.json']!), files: texts };
}

if (import.meta.main) {
  const job = JSON.parse(process.argv[2] ?? '{}') as NodeJob;
  process.stdout.write(`${JSON.stringify(await runNodeJob(job))}\n`);
}
