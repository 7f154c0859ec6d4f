/**
 * Turns benchmark results into what `npm run bench` prints and writes: per
 * size, Precedent beside Pagefind (Chromium, cold, gzip) with ratios and the
 * targets of issue 12 (at 10,000 and 100,000 records) with pass/fail; then the
 * matcher's own figures (Node, bundle layout, the lunr baseline, the site
 * build); and the `--json` objects, one per size.
 */
import type { NodeResult } from './bench-node.ts';
import type { LunrResult } from './bench-lunr.ts';
import type { BrowserLunrResult } from './bench-browser.ts';
import type { Size } from './bench-stats.ts';
import type { PhaseProfile } from './bench-profile.ts';
import type { PagefindResult } from './bench-pagefind.ts';
import type { EngineResult, Rounds, SideResult } from './bench-side.ts';
import type { SiteResult } from './bench-site.ts';

/** Everything measured for one size; parts absent when not run. */
export interface SizeResult {
  size: number;
  node: NodeResult;
  lunr?: LunrResult;
  pagefind?: PagefindResult;
  side?: SideResult;
  browserLunr?: BrowserLunrResult;
  /** With `--profile`: CPU profile of a cold load and the first queries in Chromium. */
  browserProfile?: PhaseProfile;
  /** Size of the matcher's own browser code (minified bundle). */
  code?: Size;
  /** With `--site`: the Astro build of this library. */
  site?: SiteResult;
}

/** The figures of one engine at one size, as `--json` writes them. */
export interface EngineFigures {
  records: number;
  firstResultBytesGzip: number | null;
  coldFirstResultMs: number | null;
  warmP50Ms: number | null;
  warmP95Ms: number | null;
  logMs: number | null;
  bytesAfter20Gzip: number | null;
  buildMs: number | null;
  peakRssMb: number | null;
}

/** Issue 12's targets, by library size. */
export const TARGETS: Readonly<Record<number, Partial<Record<keyof EngineFigures, number>>>> = {
  10_000: { firstResultBytesGzip: 150_000, coldFirstResultMs: 200, warmP95Ms: 2, logMs: 100, bytesAfter20Gzip: 1_500_000 },
  100_000: { firstResultBytesGzip: 200_000, buildMs: 90_000, peakRssMb: 2_000 },
};
/** The site build must fit in this (issue 12, item 4). */
export const SITE_TARGETS = { ms: 5 * 60_000, peakRssMb: 4_000 } as const;

const MB = 1_000_000;

/** Bytes as B, kB or MB (decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** Milliseconds with sensible precision. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return `${ms.toFixed(3)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

const count = (n: number): string => n.toLocaleString('en');

function figuresOf(records: number, side: EngineResult | undefined, buildMs: number | null, peakRss: number | null): EngineFigures {
  return {
    records,
    firstResultBytesGzip: side?.firstResultBytesGzip ?? null,
    coldFirstResultMs: side?.coldFirstResultMs ?? null,
    warmP50Ms: side?.warm.p50 ?? null,
    warmP95Ms: side?.warm.p95 ?? null,
    logMs: side?.logMs ?? null,
    bytesAfter20Gzip: side?.bytesAfter20Gzip ?? null,
    buildMs,
    peakRssMb: peakRss === null ? null : Math.round(peakRss / MB),
  };
}

/** The `--json` object of one size: Precedent's figures, Pagefind's under `pagefind`, details beside. */
export function jsonOf(result: SizeResult): EngineFigures & Record<string, unknown> {
  const { size, node, side, pagefind } = result;
  return {
    ...figuresOf(size, side?.precedent, node.buildMs, node.memory.buildPeakRss),
    ...(pagefind || side?.pagefind ? { pagefind: figuresOf(size, side?.pagefind, pagefind?.buildMs ?? null, pagefind?.peakRss ?? null) } : {}),
    details: {
      logWarmMs: side?.precedent.logWarmMs ?? null,
      coldRuns: side?.precedent.coldRuns ?? null,
      requestsFirstResult: side?.precedent.requestsFirstResult ?? null,
      requestsAfter20: side?.precedent.requestsAfter20 ?? null,
      coldRounds: side?.precedent.coldRounds ?? null,
      logRounds: side?.precedent.logRounds ?? null,
      codeGzip: result.code?.gzip ?? null,
      bundle: bundleOf(node),
      node: { search: node.search, log: node.log, readyMs: node.readyMs, foundOwn: node.foundOwn, memory: node.memory },
      ...(result.site ? { site: result.site } : {}),
      ...(result.lunr ? { lunr: { buildMs: result.lunr.buildMs, indexGzip: result.lunr.index.gzip, search: result.lunr.search } } : {}),
    },
  };
}

interface Bundle {
  directory: Size;
  keyChunks: number;
  keyChunkGzipMean: number;
  docChunks: number;
  docChunkGzipMean: number;
  total: Size;
}

function bundleOf(node: NodeResult): Bundle {
  const of = (role: string) => node.files.filter((f) => f.role === role);
  const mean = (list: Array<{ gzip: number }>) => Math.round(list.reduce((s, f) => s + f.gzip, 0) / Math.max(1, list.length));
  const manifest = of('manifest')[0];
  return {
    directory: manifest ? { raw: manifest.raw, gzip: manifest.gzip } : { raw: 0, gzip: 0 },
    keyChunks: of('key').length,
    keyChunkGzipMean: mean(of('key')),
    docChunks: of('doc').length,
    docChunkGzipMean: mean(of('doc')),
    total: node.total,
  };
}

interface Row {
  label: string;
  key: keyof EngineFigures;
  format: (v: number) => string;
}

const SIDE_ROWS: Row[] = [
  { label: 'bytes before the first result (gzip, code incl.)', key: 'firstResultBytesGzip', format: formatBytes },
  { label: 'cold time to first result', key: 'coldFirstResultMs', format: formatMs },
  { label: 'warm p50', key: 'warmP50Ms', format: formatMs },
  { label: 'warm p95', key: 'warmP95Ms', format: formatMs },
  { label: '100 KB pasted log, first run', key: 'logMs', format: formatMs },
  { label: 'total after 20 queries (gzip)', key: 'bytesAfter20Gzip', format: formatBytes },
  { label: 'index build', key: 'buildMs', format: formatMs },
  { label: 'peak memory of the build', key: 'peakRssMb', format: (v) => `${count(v)} MB` },
];

/** Pass/fail of every target that applies to the sizes measured. */
export function checkTargets(results: readonly SizeResult[]): Array<{ size: number; label: string; value: number; max: number; pass: boolean }> {
  const out: Array<{ size: number; label: string; value: number; max: number; pass: boolean }> = [];
  for (const result of results) {
    const targets = TARGETS[result.size];
    const figures = jsonOf(result);
    for (const row of SIDE_ROWS) {
      const max = targets?.[row.key];
      const value = figures[row.key];
      if (max !== undefined && typeof value === 'number') out.push({ size: result.size, label: row.label, value, max, pass: value <= max });
    }
    if (result.site) {
      // A build that failed met nothing, however quickly it failed.
      const built = result.site.exitCode === 0;
      out.push({ size: result.size, label: 'site build time', value: result.site.ms, max: SITE_TARGETS.ms, pass: built && result.site.ms <= SITE_TARGETS.ms });
      const mb = Math.round(result.site.peakRss / MB);
      out.push({ size: result.size, label: 'site build peak memory (MB)', value: mb, max: SITE_TARGETS.peakRssMb, pass: built && mb <= SITE_TARGETS.peakRssMb });
    }
  }
  return out;
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((line) => (line[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n');
}

/** Precedent beside Pagefind, one block per size. */
export function renderSideBySide(results: readonly SizeResult[]): string {
  const blocks: string[] = [];
  for (const result of results) {
    const figures = jsonOf(result);
    const pf = figures.pagefind as EngineFigures | undefined;
    const targets = TARGETS[result.size] ?? {};
    const body = SIDE_ROWS.map((row) => {
      const a = figures[row.key];
      const b = pf?.[row.key];
      const fmt = (v: number | null | undefined) => (typeof v === 'number' ? row.format(v) : v === null && row.key === 'logMs' && pf ? 'timed out' : '–');
      const ratio = typeof a === 'number' && typeof b === 'number' && a > 0 ? `${(b / a).toFixed(b / a >= 10 ? 0 : 1)}×` : '';
      const max = targets[row.key];
      const verdict = max === undefined || typeof a !== 'number' ? '' : a <= max ? 'PASS' : 'FAIL';
      return [`  ${row.label}`, fmt(a), fmt(b), ratio, max === undefined ? '' : `≤ ${row.format(max)}`, verdict];
    });
    blocks.push(`${count(result.size)} records\n${table(['', 'Precedent', 'Pagefind 1.6', 'Pagefind ÷ Precedent', 'target', ''], body)}`);
  }
  return blocks.join('\n\n');
}

/** Request rounds in one line: `code 0–80, import 95 · directory ×1 2–60 · key chunks ×6 100–180 · …`, ms from the start. */
function formatRounds(rounds: Rounds | undefined): string {
  if (!rounds) return '–';
  const ms = (v: number) => v.toFixed(0);
  const parts: string[] = [];
  const span = (label: string, s: Rounds['code']) => { if (s) parts.push(`${label} ×${s.count} ${ms(s.startMs)}–${ms(s.endMs)}`); };
  span('code', rounds.code);
  if (rounds.importMs !== undefined) parts.push(`imported ${ms(rounds.importMs)}`);
  span('directory', rounds.directory);
  span('key chunks', rounds.keyChunks);
  span('doc chunks', rounds.docChunks);
  parts.push(`done ${ms(rounds.totalMs)}`);
  return parts.join(' · ');
}

/** The matcher's own figures per size: bundle layout, Node timings, the lunr baseline, the site build. */
export function renderDetails(results: readonly SizeResult[]): string {
  const rows: Array<[string, (r: SizeResult) => string]> = [
    ['index build, Node (wall / CPU)', (r) => `${formatMs(r.node.buildMs)} / ${formatMs(r.node.buildCpuMs)}`],
    ['directory (manifest.json), gzip', (r) => formatBytes(bundleOf(r.node).directory.gzip)],
    ['key chunks: count, mean gzip', (r) => { const b = bundleOf(r.node); return `${count(b.keyChunks)}, ${formatBytes(b.keyChunkGzipMean)}`; }],
    ['document chunks: count, mean gzip', (r) => { const b = bundleOf(r.node); return `${count(b.docChunks)}, ${formatBytes(b.docChunkGzipMean)}`; }],
    ['all files, gzip', (r) => formatBytes(r.node.total.gzip)],
    ['matcher code (matcher.js), gzip', (r) => (r.code ? formatBytes(r.code.gzip) : '–')],
    ['requests to first result / after 20', (r) => (r.side ? `${r.side.precedent.requestsFirstResult} / ${r.side.precedent.requestsAfter20}` : '–')],
    ['cold first result, runs', (r) => (r.side ? r.side.precedent.coldRuns.map(formatMs).join(', ') : '–')],
    ['cold first result, requests (median run, ms)', (r) => formatRounds(r.side?.precedent.coldRounds)],
    ['100 KB log first run, requests (ms)', (r) => formatRounds(r.side?.precedent.logRounds)],
    ['100 KB log, chunks loaded, Chromium', (r) => (r.side?.precedent.logWarmMs != null ? formatMs(r.side.precedent.logWarmMs) : '–')],
    ['query p50 / p95, Node (fromBundle)', (r) => `${formatMs(r.node.search.p50)} / ${formatMs(r.node.search.p95)}`],
    ['100 KB log, Node', (r) => formatMs(r.node.log.medianMs)],
    ['source record in top 10 (sanity)', (r) => `${((100 * r.node.foundOwn.found) / Math.max(1, r.node.foundOwn.of)).toFixed(0)}%`],
    ['peak RSS, Node worker (build + queries)', (r) => formatBytes(r.node.memory.rssPeak)],
    ['Pagefind files, gzip', (r) => (r.pagefind ? `${formatBytes(r.pagefind.total.gzip)} in ${count(r.pagefind.files)} files` : '–')],
    ['lunr baseline: index gzip, Chromium load', (r) => (r.lunr ? `${formatBytes(r.lunr.index.gzip)}, ${r.browserLunr ? formatMs(r.browserLunr.loadMs) : '–'}` : '–')],
    ['lunr baseline: query p95 Chromium', (r) => (r.browserLunr ? formatMs(r.browserLunr.search.p95) : '–')],
    ['site build (Astro): time, peak memory', (r) => (r.site ? `${formatMs(r.site.ms)}, ${formatBytes(r.site.peakRss)}${r.site.exitCode === 0 ? '' : ` (failed, exit ${r.site.exitCode})`}` : '–')],
    ['site build: pages, dist size', (r) => (r.site ? `${count(r.site.pages)}, ${formatBytes(r.site.distBytes)}` : '–')],
  ];
  const head = ['Precedent in detail', ...results.map((r) => `${count(r.size)} records`)];
  return table(head, rows.map(([label, cell]) => [`  ${label}`, ...results.map(cell)]));
}

/** How the cost grows: each figure's ratio between consecutive sizes, against the ratio of sizes. */
export function renderGrowth(results: readonly SizeResult[]): string {
  if (results.length < 2) return '';
  const sorted = [...results].sort((a, b) => a.size - b.size);
  const lines = ['Growth between sizes (figure ratio for the records ratio; 1.0 per 1.0 is linear):'];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const r = (x: number, y: number) => (x > 0 ? (y / x).toFixed(2) : '–');
    const fa = jsonOf(a);
    const fb = jsonOf(b);
    lines.push(`  ${count(a.size)} → ${count(b.size)} (×${r(a.size, b.size)}): build ×${r(a.node.buildMs, b.node.buildMs)}, build peak memory ×${r(a.node.memory.buildPeakRss, b.node.memory.buildPeakRss)}, all files ×${r(a.node.total.gzip, b.node.total.gzip)}, directory ×${r(bundleOf(a.node).directory.gzip, bundleOf(b.node).directory.gzip)}`
      + (typeof fa.firstResultBytesGzip === 'number' && typeof fb.firstResultBytesGzip === 'number' ? `, first-result bytes ×${r(fa.firstResultBytesGzip, fb.firstResultBytesGzip)}` : ''));
  }
  return lines.join('\n');
}
