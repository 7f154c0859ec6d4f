/**
 * The site at scale: writes the synthetic library as record files (valid
 * frontmatter, the prose as body) into a temporary content folder and runs
 * the real Astro build over it (`PRECEDENT_CONTENT`), timing it and reading
 * the build process's peak memory from `/proc` (its high-water mark, and the
 * summed resident size of its process tree, sampled).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import type { MatchDoc } from '../../src/matcher/index.ts';
import { synthLibrary } from './synth.ts';

/** How often the build's memory is read (ms). */
export const SITE_SAMPLE_MS = 200;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the site build measured. */
export interface SiteResult {
  records: number;
  ms: number;
  /** Peak resident memory of the build's process tree, bytes. */
  peakRss: number;
  /** HTML pages written. */
  pages: number;
  distBytes: number;
  exitCode: number;
}

/** A synthetic document as a record file that passes `npm run validate`. */
export function recordFile(doc: MatchDoc): string {
  const frontmatter: Record<string, unknown> = {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    ...(doc.titleEn ? { titleEn: doc.titleEn } : {}),
    summary: doc.summary,
    language: doc.language,
    ...(doc.date ? { date: doc.date } : {}),
    status: 'resolved',
    services: doc.services,
    tags: doc.tags,
    ...(doc.products?.length ? { products: doc.products.map((p) => ({ name: p.name })) } : {}),
    rootCause: { category: 'network', summary: doc.summary },
    ...(doc.fix ? { [doc.fix.type]: { summary: doc.fix.summary, ...(doc.fix.command ? { steps: [{ text: doc.fix.summary, command: doc.fix.command }] } : {}) } } : {}),
    ...(doc.symptoms ? { symptoms: doc.symptoms } : {}),
  };
  return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${doc.text}\n`;
}

/** Writes `docs` as record files into `dir`. */
export function writeLibrary(docs: readonly MatchDoc[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const doc of docs) writeFileSync(join(dir, `${doc.date ? `${doc.date}-` : ''}${doc.id}.md`), recordFile(doc));
}

function treeRss(pid: number): { rss: number; hwm: number } {
  let rss = 0;
  let hwm = 0;
  const visit = (id: number): void => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      hwm = Math.max(hwm, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
      for (const task of readdirSync(`/proc/${id}/task`)) {
        for (const child of readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) visit(Number(child));
      }
    } catch {
      // The process ended between reads.
    }
  };
  visit(pid);
  return { rss, hwm };
}

function sizeOfTree(dir: string): { bytes: number; pages: number } {
  let bytes = 0;
  let pages = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { bytes, pages };
}

/**
 * The library's folder: inside the project (the content folder is a setting
 * relative to its root, src/config.ts), under the gitignored test-output/.
 */
export const SITE_CONTENT_ROOT = join(ROOT, 'test-output', 'bench-site');

/**
 * Generates `size` records (seeded) into test-output/bench-site/<size>/,
 * builds the site over them into `work/dist` with its own content cache, and
 * measures it; the records are removed afterwards.
 */
export async function measureSite(size: number, seed: number, work: string, log: (line: string) => void): Promise<SiteResult> {
  const content = join(SITE_CONTENT_ROOT, String(size));
  const dist = join(work, 'dist');
  rmSync(content, { recursive: true, force: true });
  writeLibrary(synthLibrary(size, { seed }), content);
  const astro = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const start = performance.now();
  const child = spawn(process.execPath, [astro, 'build', '--outDir', dist], {
    cwd: ROOT,
    env: { ...process.env, PRECEDENT_CONTENT: relative(ROOT, content), PRECEDENT_CACHE_DIR: join(work, 'cache'), PRECEDENT_BASE: '', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let peak = 0;
  const timer = setInterval(() => {
    const { rss, hwm } = treeRss(child.pid!);
    peak = Math.max(peak, rss, hwm);
  }, SITE_SAMPLE_MS);
  let tail = '';
  const keep = (chunk: Buffer) => { tail = (tail + chunk.toString()).slice(-4000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exitCode: number = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  clearInterval(timer);
  const ms = performance.now() - start;
  rmSync(content, { recursive: true, force: true });
  if (exitCode !== 0) log(`site build failed (exit ${exitCode}):\n${tail}`);
  const { bytes, pages } = exitCode === 0 ? sizeOfTree(dist) : { bytes: 0, pages: 0 };
  return { records: size, ms, peakRss: peak, pages, distBytes: bytes, exitCode };
}
