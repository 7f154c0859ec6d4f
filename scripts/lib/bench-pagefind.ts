/**
 * The Pagefind side of the benchmark, in its own process per library size:
 * the same synthetic library (same seed) indexed by Pagefind's Node API
 * (`createIndex` → `addCustomRecord` per record → `writeFiles`), written to
 * `<dir>/pagefind/` for the browser run. Pagefind indexes in a child process
 * (its Rust binary), so peak memory is this process's high-water mark plus
 * the child's, read from `/proc` while it runs.
 *
 * Run by `scripts/bench.ts` as `node bench-pagefind.ts '<json job>'`; prints
 * one JSON `PagefindResult` on stdout. Pagefind is a devDependency for the bench only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { synthLibrary } from './synth.ts';
import { addSizes, sizeOf, type Size } from './bench-stats.ts';
import type { NodeJob } from './bench-node.ts';

/** Folder of the Pagefind bundle inside a size's directory. */
export const PAGEFIND_DIR = 'pagefind';
/** How often the indexer child's memory is read (ms). */
export const CHILD_SAMPLE_MS = 50;

/** What the Pagefind worker reports. */
export interface PagefindResult {
  size: number;
  /** Index build: records added and files written, ms. */
  buildMs: number;
  /** Peak memory of indexing: this process plus Pagefind's binary, bytes. */
  peakRss: number;
  /** Every file written, summed. */
  total: Size;
  files: number;
}

/** High-water RSS (`VmHWM`) of this process's children, bytes. */
function childPeak(): number {
  let peak = 0;
  try {
    const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    for (const pid of children) {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    }
  } catch {
    // No /proc (not Linux) or the child is gone: keep what was seen.
  }
  return peak;
}

/** Runs one job. */
export async function runPagefindJob(job: NodeJob): Promise<PagefindResult> {
  const docs = synthLibrary(job.size, { seed: job.seed });
  let child = 0;
  const timer = setInterval(() => { child = Math.max(child, childPeak()); }, CHILD_SAMPLE_MS);
  const start = performance.now();
  // One index over both languages, as the matcher has: Pagefind would otherwise split zh and en.
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`bench: Pagefind could not create an index: ${errors.join('; ')}`);
  for (const doc of docs) {
    const content = [doc.title, doc.titleEn ?? '', doc.summary, doc.text, doc.fix?.summary ?? ''].join('\n');
    const added = await index.addCustomRecord({ url: `/records/${doc.id}/`, content, language: 'en', meta: { title: doc.title } });
    if (added.errors.length > 0) throw new Error(`bench: Pagefind refused ${doc.id}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: join(job.dir, PAGEFIND_DIR) });
  if (written.errors.length > 0) throw new Error(`bench: Pagefind could not write its files: ${written.errors.join('; ')}`);
  child = Math.max(child, childPeak());
  const buildMs = performance.now() - start;
  clearInterval(timer);
  await pagefind.close();
  const sizes: Size[] = [];
  for (const entry of readdirSync(join(job.dir, PAGEFIND_DIR), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    sizes.push(statSync(file).size > 0 ? sizeOf(readFileSync(file)) : { raw: 0, gzip: 0 });
  }
  return { size: job.size, buildMs, peakRss: process.resourceUsage().maxRSS * 1024 + child, total: addSizes(sizes), files: sizes.length };
}

if (import.meta.main) {
  const job = JSON.parse(process.argv[2] ?? '{}') as NodeJob;
  process.stdout.write(`${JSON.stringify(await runPagefindJob(job))}\n`);
}
