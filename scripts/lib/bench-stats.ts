/**
 * Small measuring helpers shared by the benchmark's Node and browser sides:
 * percentiles, byte sizes (raw and gzip), and a heap sampler.
 */
import { gzipSync } from 'node:zlib';

/** gzip level used for size figures: what a static host typically serves. */
export const GZIP_LEVEL = 6;

/** Latency summary of a set of timings, in milliseconds. */
export interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile (`p` in 0–100) of unsorted numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** p50, p95, max and mean of timings. */
export function summarise(values: readonly number[]): Latency {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : Number.NaN,
    mean: values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : Number.NaN,
  };
}

/** A query as the per-kind figures need it. */
export interface KindedQuery {
  kind: string;
  text: string;
}

/** A query and how long it took. */
export interface SlowQuery {
  ms: number;
  kind: string;
  text: string;
}

/** Queries reported as the slowest. */
export const SLOWEST_SHOWN = 5;

/** Latency per query kind; `timings[i]` belongs to `queries[i]`. */
export function byKindOf(queries: readonly KindedQuery[], timings: readonly number[]): Record<string, Latency> {
  const groups: Record<string, number[]> = {};
  queries.forEach((q, i) => (groups[q.kind] ??= []).push(timings[i]!));
  return Object.fromEntries(Object.entries(groups).map(([kind, values]) => [kind, summarise(values)]));
}

/** The `SLOWEST_SHOWN` slowest queries. */
export function slowestOf(queries: readonly KindedQuery[], timings: readonly number[]): SlowQuery[] {
  return queries
    .map((q, i) => ({ ms: timings[i]!, kind: q.kind, text: q.text }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, SLOWEST_SHOWN);
}

/** Median of numbers. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Raw and gzip-compressed size of some text. */
export interface Size {
  raw: number;
  gzip: number;
}

/** Raw UTF-8 and gzip sizes of `text`, in bytes. */
export function sizeOf(text: string | Uint8Array): Size {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  return { raw: bytes.byteLength, gzip: gzipSync(bytes, { level: GZIP_LEVEL }).byteLength };
}

/** Sum of sizes. */
export function addSizes(sizes: readonly Size[]): Size {
  return sizes.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip }), { raw: 0, gzip: 0 });
}

/**
 * Tracks the peak of `heapUsed` and `rss`. A timer samples between awaits;
 * synchronous phases are caught by calling `sample()` at their end, so the
 * heap peak is a lower bound. `peakRss` reads the kernel's exact high-water mark.
 */
export class MemorySampler {
  heapPeak = 0;
  rssPeak = 0;
  private timer: NodeJS.Timeout | undefined;

  /** Starts sampling every `intervalMs`. */
  start(intervalMs = 5): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    return this;
  }

  /** Takes one sample now. */
  sample(): void {
    const usage = process.memoryUsage();
    this.heapPeak = Math.max(this.heapPeak, usage.heapUsed);
    this.rssPeak = Math.max(this.rssPeak, usage.rss);
  }

  /** Stops the timer. */
  stop(): void {
    clearInterval(this.timer);
    this.sample();
  }

  /** Peak resident set size of the whole process so far, in bytes (kernel high-water mark). */
  static peakRss(): number {
    return process.resourceUsage().maxRSS * 1024;
  }
}

/**
 * Runs `fn` and returns its result, the wall time it took and the CPU time the
 * process spent meanwhile (user + system, GC threads included), in
 * milliseconds. CPU time is the steadier figure on a busy machine.
 */
export function time<T>(fn: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = fn();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** Async `time`. */
export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}
