/**
 * The CLI row of `npm run bench`: wall time of `precedent match 266` as its
 * own process (`node bin/precedent.js`, no npm in front), on the synthetic
 * library written as Markdown records, with a warm index cache — beside the
 * same call with no cache (every call builds the index from the records, as
 * the CLI did before the cache), in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSynthRecords } from './synth-records.ts';

/** Library sizes the CLI is measured at, with their targets (ms, warm cache). */
export const CLI_TARGETS: ReadonlyArray<{ size: number; maxMs: number }> = [
  { size: 300, maxMs: 150 },
  { size: 10_000, maxMs: 300 },
];
/** Warm calls timed per size (the median is reported). */
export const CLI_WARM_RUNS = 9;
/** The query measured. */
export const CLI_QUERY = ['match', '--limit', '10', '266'];

const BIN = fileURLToPath(new URL('../../bin/precedent.js', import.meta.url));

/** One size's CLI figures. */
export interface CliResult {
  size: number;
  /** First call: builds and caches the index (what every call cost without the cache). */
  coldMs: number;
  /** Warm calls, sorted. */
  warmMs: number[];
  warmP50Ms: number;
  /** `node -e 0` in the same run, median: the floor no CLI goes under on this machine now. */
  nodeP50Ms: number;
  /** `warmP50Ms / nodeP50Ms`: the CLI's cost in bare Node start-ups, steadier than milliseconds on a shared machine. */
  nodeRatio: number;
  /** CPU time (user + system) of a warm call, median, ms: steadier than wall time when the machine is shared. */
  cpuP50Ms: number;
  /** CPU time of `node -e 0`, median, ms. */
  nodeCpuP50Ms: number;
  maxMs: number;
  pass: boolean;
}

/**
 * Loaded with `--import` into the calls timed for CPU only (not the wall-time
 * ones): prints the process's whole CPU time, start-up included, as it exits.
 */
const CPU_REPORTER = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu-ms '+(u.user+u.system)/1000+'\\n')})`;

/** CPU ms of one process, read from what {@link CPU_REPORTER} printed. */
function cpuOf(args: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(process.execPath, ['--import', CPU_REPORTER, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const match = /\ncpu-ms ([\d.]+)\n/.exec(result.stderr);
  if (result.status !== 0 || !match) throw new Error(`bench: no CPU time from ${args.join(' ')} (exit ${result.status}): ${result.stderr.trim()}`);
  return Number(match[1]);
}

const callEnv = (cache: string): NodeJS.ProcessEnv => ({ ...process.env, PRECEDENT_INDEX_CACHE: cache, NO_COLOR: '1' });

function timeCall(dir: string, cache: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...CLI_QUERY, '--content', dir], {
    env: callEnv(cache),
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`bench: precedent match failed (exit ${result.status}): ${result.stderr.trim()}`);
  return ms;
}

function timeNode(): number {
  const started = performance.now();
  spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  return performance.now() - started;
}

/** Writes `size` records, calls the CLI once cold and `CLI_WARM_RUNS` times warm. */
export function measureCli(size: number, maxMs: number, seed: number, onProgress: (message: string) => void): CliResult {
  const root = mkdtempSync(join(tmpdir(), 'precedent-bench-cli-'));
  try {
    const dir = join(root, 'records');
    onProgress(`${size} records: writing Markdown records for the CLI…`);
    writeSynthRecords(dir, size, seed);
    onProgress(`${size} records: precedent match, cold then warm…`);
    const cache = join(root, 'cache');
    const coldMs = timeCall(dir, cache);
    // Interleaved with bare Node start-ups, so both see the same machine load.
    const warmMs: number[] = [];
    const nodeMs: number[] = [];
    const cpuMs: number[] = [];
    const nodeCpuMs: number[] = [];
    for (let i = 0; i < CLI_WARM_RUNS; i++) {
      warmMs.push(timeCall(dir, cache));
      nodeMs.push(timeNode());
    }
    for (let i = 0; i < CLI_WARM_RUNS; i++) {
      cpuMs.push(cpuOf([BIN, ...CLI_QUERY, '--content', dir], callEnv(cache)));
      nodeCpuMs.push(cpuOf(['-e', '0'], process.env));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const warmP50Ms = median(warmMs);
    const nodeP50Ms = median(nodeMs);
    return {
      size, coldMs, warmMs, warmP50Ms, nodeP50Ms, nodeRatio: warmP50Ms / nodeP50Ms,
      cpuP50Ms: median(cpuMs), nodeCpuP50Ms: median(nodeCpuMs), maxMs, pass: warmP50Ms <= maxMs,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The CLI table. */
export function renderCliTable(results: readonly CliResult[]): string {
  const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
  const rows = [
    ['records', 'no cache (builds)', 'cached p50', 'cached min–max', 'speed-up', '`node -e 0` p50', '× node -e 0', 'CPU cached', 'CPU node -e 0', 'target', ''],
    ...results.map((r) => [
      r.size.toLocaleString('en'),
      ms(r.coldMs),
      ms(r.warmP50Ms),
      `${ms(r.warmMs[0]!)}–${ms(r.warmMs.at(-1)!)}`,
      `${(r.coldMs / r.warmP50Ms).toFixed(1)}×`,
      ms(r.nodeP50Ms),
      `${r.nodeRatio.toFixed(1)}×`,
      ms(r.cpuP50Ms),
      ms(r.nodeCpuP50Ms),
      `≤ ${r.maxMs} ms`,
      r.pass ? 'pass' : 'FAIL',
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd());
  return [`CLI: \`precedent match 266\` as its own process (node bin/precedent.js, wall time; ${CLI_WARM_RUNS} cached calls per size, then ${CLI_WARM_RUNS} more for CPU time, user + system, medians)`, ...lines].join('\n');
}
