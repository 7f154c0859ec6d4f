/**
 * Turns benchmark results into the printed table: one row per figure, one
 * column per library size, and the targets from the issue ("The symptom
 * matcher", "How fast") with pass/fail at `TARGET_SIZE` records. Below it, where
 * the bytes and the time go at the largest size.
 */
import type { NodeResult } from './bench-node.ts';
import type { LunrResult } from './bench-lunr.ts';
import type { BrowserLunrResult, BrowserResult } from './bench-browser.ts';
import type { Size, SlowQuery } from './bench-stats.ts';
import type { PhaseProfile } from './bench-profile.ts';

/** Library size the targets apply to. */
export const TARGET_SIZE = 10_000;
/** Targets at `TARGET_SIZE` records. */
export const TARGETS = {
  /** gzip bytes fetched before the first result (decimal MB: 2,000,000). */
  firstResultGzip: 2_000_000,
  /** ms from `Matcher.load` to ready in Chromium. */
  readyChromium: 500,
  /** ms, query p95. */
  queryP95: 5,
  /** ms to match a 100 KB pasted log. */
  log: 100,
} as const;

/** Everything measured for one size; browser parts absent with `--no-browser`. */
export interface SizeResult {
  size: number;
  node: NodeResult;
  lunr: LunrResult;
  browser?: BrowserResult;
  browserLunr?: BrowserLunrResult;
  /** With `--profile`: CPU profile of one Chromium load. */
  browserProfile?: PhaseProfile;
  /** Size of the matcher's own browser code (minified bundle). */
  code?: Size;
}

type Cell = number | undefined;
interface Row {
  label: string;
  cells: (r: SizeResult) => Cell;
  format: (value: number) => string;
  /** Passes when the value at `TARGET_SIZE` is at most this. */
  max?: number;
}

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

const bytes = formatBytes;
const ms = formatMs;
const count = (n: number): string => n.toLocaleString('en');

const ROWS: Array<Row | string> = [
  'Matcher',
  { label: 'index build, Node (wall)', cells: (r) => r.node.buildMs, format: ms },
  { label: 'index build, Node (CPU)', cells: (r) => r.node.buildCpuMs, format: ms },
  { label: 'before first result: manifest+core, raw', cells: (r) => r.node.firstResult.raw, format: bytes },
  { label: 'before first result: manifest+core, gzip', cells: (r) => r.node.firstResult.gzip, format: bytes, max: TARGETS.firstResultGzip },
  { label: '  served during load (Chromium, gzip)', cells: (r) => r.browser?.loadBytes, format: bytes },
  { label: '  matcher code (matcher.js, gzip)', cells: (r) => r.code?.gzip, format: bytes },
  { label: 'all files incl. lazy shards, raw', cells: (r) => r.node.total.raw, format: bytes },
  { label: 'all files incl. lazy shards, gzip', cells: (r) => r.node.total.gzip, format: bytes },
  { label: 'ready, Node (fromBundle of JSON text)', cells: (r) => r.node.readyMs, format: ms },
  { label: '  same, CPU time', cells: (r) => r.node.readyCpuMs, format: ms },
  { label: 'ready, Chromium (Matcher.load, cold)', cells: (r) => r.browser?.readyMs, format: ms, max: TARGETS.readyChromium },
  { label: 'first result, Chromium (load + 1 query)', cells: (r) => r.browser?.firstResultMs, format: ms },
  { label: 'query p50, Node (search, best of 3)', cells: (r) => r.node.search.p50, format: ms },
  { label: 'query p95, Node (search, best of 3)', cells: (r) => r.node.search.p95, format: ms, max: TARGETS.queryP95 },
  { label: '  same, CPU time (p95)', cells: (r) => r.node.searchCpu.p95, format: ms },
  { label: 'query p50, Chromium (search, best of 3)', cells: (r) => r.browser?.search.p50, format: ms },
  { label: 'query p95, Chromium (search, best of 3)', cells: (r) => r.browser?.search.p95, format: ms, max: TARGETS.queryP95 },
  { label: 'searchAll p95, Node (all shards)', cells: (r) => r.node.searchAll.p95, format: ms },
  { label: 'searchAll p95, Chromium (cold, fetches)', cells: (r) => r.browser?.searchAll.p95, format: ms },
  { label: 'searchAll p95, Chromium (shards loaded)', cells: (r) => r.browser?.searchAllWarm.p95, format: ms },
  { label: '  shards fetched by searchAll (gzip)', cells: (r) => r.browser?.shardBytes, format: bytes },
  { label: '100 KB log, Node (median of 5)', cells: (r) => r.node.log.medianMs, format: ms, max: TARGETS.log },
  { label: '  same, CPU time', cells: (r) => r.node.log.cpuMs, format: ms },
  { label: '100 KB log, Chromium (median of 5)', cells: (r) => r.browser?.log.medianMs, format: ms, max: TARGETS.log },
  { label: 'source record in top 10 (sanity only)', cells: (r) => (100 * r.node.foundOwn.found) / Math.max(1, r.node.foundOwn.of), format: (v) => `${v.toFixed(0)}%` },
  { label: 'peak RSS, Node worker', cells: (r) => r.node.memory.rssPeak, format: bytes },
  { label: 'peak heap, Node (sampled)', cells: (r) => r.node.memory.heapPeakSampled, format: bytes },
  { label: 'heap retained by matcher, Node', cells: (r) => r.node.memory.matcherHeap, format: bytes },
  { label: 'JS heap after load, Chromium (pre-GC)', cells: (r) => r.browser?.memory.heapAfterLoad, format: bytes },
  { label: 'JS heap retained, Chromium (post-GC)', cells: (r) => r.browser?.memory.heapRetained, format: bytes },
  'lunr baseline (English pipeline, full text)',
  { label: 'build + JSON.stringify, Node (wall)', cells: (r) => r.lunr.buildMs, format: ms },
  { label: 'build + JSON.stringify, Node (CPU)', cells: (r) => r.lunr.buildCpuMs, format: ms },
  { label: 'index JSON, raw', cells: (r) => r.lunr.index.raw, format: bytes },
  { label: 'index JSON, gzip', cells: (r) => r.lunr.index.gzip, format: bytes },
  { label: 'load, Node (parse + Index.load)', cells: (r) => r.lunr.loadMs, format: ms },
  { label: 'load, Chromium (fetch + parse + load)', cells: (r) => r.browserLunr?.loadMs, format: ms },
  { label: 'query p95, Node (best of 3)', cells: (r) => r.lunr.search.p95, format: ms },
  { label: 'query p95, Chromium (best of 3)', cells: (r) => r.browserLunr?.search.p95, format: ms },
  { label: '100 KB log, Node', cells: (r) => r.lunr.logMs, format: ms },
  { label: 'peak RSS, Node worker', cells: (r) => r.lunr.memory.rssPeak, format: bytes },
];

/** Pass/fail of each target at `TARGET_SIZE`, for `--json` and the exit summary. */
export function checkTargets(results: readonly SizeResult[]): Array<{ label: string; value: number; max: number; pass: boolean }> {
  const at = results.find((r) => r.size === TARGET_SIZE);
  if (!at) return [];
  return ROWS.flatMap((row) => {
    if (typeof row === 'string' || row.max === undefined) return [];
    const value = row.cells(at);
    return value === undefined ? [] : [{ label: row.label, value, max: row.max, pass: value <= row.max }];
  });
}

/** The main table as text. */
export function renderTable(results: readonly SizeResult[]): string {
  const at = results.find((r) => r.size === TARGET_SIZE);
  const head = ['', ...results.map((r) => `${count(r.size)} records`), `target @${count(TARGET_SIZE)}`, ''];
  const body: string[][] = [];
  for (const row of ROWS) {
    if (typeof row === 'string') {
      body.push([row]);
      continue;
    }
    const cells = results.map((r) => { const v = row.cells(r); return v === undefined ? '–' : row.format(v); });
    let target = '';
    let verdict = '';
    if (row.max !== undefined) {
      target = `≤ ${row.format(row.max)}`;
      const v = at ? row.cells(at) : undefined;
      verdict = v === undefined ? '' : v <= row.max ? 'PASS' : 'FAIL';
    }
    body.push([`  ${row.label}`, ...cells, target, verdict]);
  }
  const widths = head.map((_, i) => Math.max(...[head, ...body.filter((line) => line.length > 1)].map((line) => (line[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(head), ...body.map((cells) => (cells.length === 1 ? cells[0]! : line(cells)))].join('\n');
}

/** Where bytes and time go at the largest size: per file, per phase, per query kind. */
export function renderBreakdown(result: SizeResult): string {
  const { node, browser } = result;
  const out: string[] = [`Where bytes and time go at ${count(result.size)} records`];
  const timing = new Map((browser?.resources ?? []).map((r) => [r.name, r]));
  const rows = [...node.files].sort((a, b) => (a.role === b.role ? b.gzip - a.gzip : a.role.localeCompare(b.role)));
  const shards = rows.filter((f) => f.role !== 'manifest');
  const shown = [...rows.filter((f) => f.role === 'manifest'), ...shards.slice(0, 3)];
  out.push('  file                          role        raw        gzip   JSON.parse (Node)   fetched in Chromium (start+duration)');
  for (const f of shown) {
    const t = timing.get(f.name);
    out.push(`  ${f.name.padEnd(28)}  ${f.role.padEnd(8)} ${bytes(f.raw).padStart(9)}  ${bytes(f.gzip).padStart(9)}  ${ms(f.parseMs).padStart(18)}   ${t ? `${ms(t.start)} + ${ms(t.duration)}` : ''}`);
  }
  if (shards.length > 3) {
    const rest = shards.slice(3);
    const sum = (key: 'raw' | 'gzip'): number => rest.reduce((s, f) => s + f[key], 0);
    out.push(`  … ${rest.length} more shards             shard    ${bytes(sum('raw')).padStart(9)}  ${bytes(sum('gzip')).padStart(9)}   (each ~${bytes(Math.round(sum('gzip') / Math.max(1, rest.length)))} gzip)`);
  }
  out.push(`  Node ready ${ms(node.readyMs)} wall, ${ms(node.readyCpuMs)} CPU (fromBundle parses every file, shards too): JSON.parse alone takes ${ms(node.allParseMs)} (core ${ms(node.coreParseMs)}), the rest is building in-memory structures`);
  if (browser) {
    const lastFetch = Math.max(0, ...browser.resources.map((r) => r.start + r.duration));
    out.push(`  Chromium ready ${ms(browser.readyMs)} (runs ${browser.readyRuns.map(ms).join(', ')}): last core file arrived at ${ms(lastFetch)}, ${ms(browser.readyMs - lastFetch)} after it parsing/building`);
    out.push(`  Chromium searchAll cold pass fetched ${browser.shardRequests} shard requests, ${bytes(browser.shardBytes)} gzip`);
  }
  out.push(`  query latency by kind, p50 / p95 / max:   Node${browser ? ' | Chromium' : ''}`);
  for (const [kind, l] of Object.entries(node.searchByKind)) {
    const b = browser?.searchByKind[kind];
    out.push(`    ${kind.padEnd(6)} n=${String(l.n).padStart(3)}  ${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.max)}${b ? `  |  ${ms(b.p50)} / ${ms(b.p95)} / ${ms(b.max)}` : ''}`);
  }
  const slowest = (label: string, list: readonly SlowQuery[]): void => {
    out.push(`  slowest queries, ${label}:`);
    for (const q of list) out.push(`    ${ms(q.ms).padStart(9)}  ${q.kind.padEnd(6)} ${JSON.stringify(q.text.length > 70 ? `${q.text.slice(0, 70)}…` : q.text)}`);
  };
  slowest('Node', node.slowest);
  if (browser) slowest('Chromium', browser.slowest);
  for (const profile of [...(node.profiles ?? []), ...(result.browserProfile ? [result.browserProfile] : [])]) {
    out.push(`  CPU profile, ${profile.phase}: ${ms(profile.totalMs)} sampled → ${profile.file}`);
    out.push('    matcher functions, inclusive:');
    for (const f of profile.matcher) out.push(`      ${ms(f.ms).padStart(9)} ${`${Math.round(f.share * 100)}%`.padStart(4)}  ${f.name}`);
    out.push('    hottest functions, self:');
    for (const f of profile.top) out.push(`      ${ms(f.ms).padStart(9)} ${`${Math.round(f.share * 100)}%`.padStart(4)}  ${f.name}`);
  }
  return out.join('\n');
}
