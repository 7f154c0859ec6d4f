/**
 * `npm run bench`: measures the symptom matcher at scale on a synthetic
 * library (1,000 and 10,000 records by default) beside Pagefind 1.6 over the
 * same records in the same Chromium session (and a plain lunr baseline), and
 * prints both with ratios and issue 12's targets.
 *
 *   npm run bench -- [--sizes 1000,10000] [--queries 200] [--seed N] [--json FILE]
 *                    [--no-browser] [--no-pagefind] [--no-lunr] [--no-cli] [--cli-only] [--site] [--profile DIR]
 *
 * `--json FILE` writes one object per size (`records, firstResultBytesGzip,
 * coldFirstResultMs, warmP50Ms, warmP95Ms, logMs, bytesAfter20Gzip, buildMs,
 * peakRssMb`, the same under `pagefind`, and details). `--site` also builds
 * the Astro site over each library of at most `MAX_SITE_SIZE` records and
 * measures time and peak memory. `--profile DIR` writes Node CPU profiles
 * and a Chromium profile of a cold load and the first queries. `--no-cli`
 * skips timing `precedent match` as a process (at `CLI_TARGETS` sizes);
 * `--cli-only` times nothing else (with `--sizes`, only those of the
 * `CLI_TARGETS` sizes).
 *
 * Each Node measurement runs in its own child process per size (so peak
 * memory is that size's own); browser figures come from headless Chromium
 * over HTTP from 127.0.0.1.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_SEED } from './lib/synth.ts';
import { DEFAULT_QUERY_COUNT, RESULT_LIMIT, type BenchQuery } from './lib/bench-queries.ts';
import type { NodeJob, NodeResult } from './lib/bench-node.ts';
import type { LunrResult } from './lib/bench-lunr.ts';
import type { PagefindResult } from './lib/bench-pagefind.ts';
import { checkTargets, jsonOf, renderDetails, renderGrowth, renderSideBySide, type SizeResult } from './lib/bench-report.ts';
import { CLI_TARGETS, measureCli, renderCliTable, type CliResult } from './lib/bench-cli.ts';

/** Library sizes measured by default. */
export const DEFAULT_SIZES = [1_000, 10_000];
/** Load average per core above which the run warns that wall times are inflated. */
export const BUSY_LOAD_PER_CORE = 0.75;
/** Largest library the bench accepts (generation and build grow linearly; this keeps a run bounded). */
export const MAX_SIZE = 100_000;
/** The lunr baseline and the site build run only up to this size (they take minutes beyond). */
export const MAX_SITE_SIZE = 10_000;

const LIB = fileURLToPath(new URL('./lib/', import.meta.url));
const MATCHER = fileURLToPath(new URL('../src/matcher/index.ts', import.meta.url));

/** A mistake in the command line: printed without a stack trace, exit 1. */
class UsageError extends Error {}

interface Options {
  sizes: number[];
  queries: number;
  seed: number;
  /** File to write the per-size figures to, resolved. */
  json?: string;
  browser: boolean;
  pagefind: boolean;
  lunr: boolean;
  site: boolean;
  /** Measure `precedent match` as a process (the CLI rows), at `CLI_TARGETS` sizes. */
  cli: boolean;
  /** Only the CLI rows, at the `CLI_TARGETS` sizes (those in `--sizes` when given). */
  cliOnly: boolean;
  /** Whether `--sizes` was given. */
  sizesGiven: boolean;
  /** Directory for Node CPU profiles, resolved; none when not asked. */
  profile?: string;
}

const USAGE = 'usage: npm run bench -- [--sizes 1000,10000] [--queries 200] [--seed N] [--json FILE] [--no-browser] [--no-pagefind] [--no-lunr] [--no-cli] [--cli-only] [--site] [--profile DIR]';

function parseOptions(argv: string[]): Options {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowNegative: true,
      options: {
        sizes: { type: 'string' },
        queries: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'string' },
        browser: { type: 'boolean', default: true },
        pagefind: { type: 'boolean', default: true },
        lunr: { type: 'boolean', default: true },
        site: { type: 'boolean', default: false },
        cli: { type: 'boolean', default: true },
        'cli-only': { type: 'boolean', default: false },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (values['cli-only'] && !values.cli) throw new UsageError('give either --cli-only or --no-cli, not both');
  const integer = (flag: string, text: string, min: number, max: number): number => {
    const n = Number(text);
    if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new UsageError(`--${flag}: expected a whole number from ${min} to ${max}, got \`${text}\``);
    return n;
  };
  return {
    sizesGiven: values.sizes !== undefined,
    sizes: values.sizes === undefined ? DEFAULT_SIZES : values.sizes.split(',').map((s) => integer('sizes', s, 1, MAX_SIZE)),
    queries: values.queries === undefined ? DEFAULT_QUERY_COUNT : integer('queries', values.queries, 1, 100_000),
    seed: values.seed === undefined ? DEFAULT_SEED : integer('seed', values.seed, 0, 2 ** 32 - 1),
    ...(values.json !== undefined ? { json: resolve(values.json) } : {}),
    browser: values.browser,
    pagefind: values.pagefind,
    lunr: values.lunr,
    site: values.site,
    cli: values.cli || values['cli-only'],
    cliOnly: values['cli-only'],
    ...(values.profile !== undefined ? { profile: resolve(values.profile) } : {}),
  };
}

/** Runs a worker script in a fresh Node process and parses the JSON it prints. */
function runWorker<T>(script: string, job: NodeJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', join(LIB, script), JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('close', (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as T);
      else reject(new Error(`bench: ${script} failed for ${job.size} records (exit ${code}):\n${stderr.trim()}`));
    });
  });
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Identifies the matcher source measured: a hash of `src/matcher/*.ts`, and the commit it sits on. */
function matcherVersion(): { hash: string; label: string } {
  const dir = dirname(MATCHER);
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  let commit = 'no git';
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '.'], { cwd: dir, encoding: 'utf8' }).trim() !== '';
    commit = `${head}${dirty ? ' + uncommitted changes' : ''}`;
  } catch {
    // Not a checkout: the hash alone identifies the source.
  }
  const digest = hash.digest('hex').slice(0, 10);
  return { hash: digest, label: `src/matcher ${digest} (at ${commit})` };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (!existsSync(MATCHER)) throw new Error(`bench: the matcher is missing: ${MATCHER}`);
  if (options.profile) mkdirSync(options.profile, { recursive: true });
  const root = mkdtempSync(join(tmpdir(), 'precedent-bench-'));
  const started = performance.now();
  const version = matcherVersion();
  const loadBefore = loadavg()[0]!;
  if (loadBefore > availableParallelism() * BUSY_LOAD_PER_CORE) {
    progress(`the machine is busy (load ${loadBefore.toFixed(1)} on ${availableParallelism()} cores): wall times will run high; CPU times are steadier`);
  }
  let failed = false;
  try {
    // Loaded only when needed, so --no-browser runs without esbuild and playwright.
    const browserSide = options.browser && !options.cliOnly ? await import('./lib/bench-browser.ts') : undefined;
    // Bundle the browser code first, from the same source the Node workers load next.
    const code = await browserSide?.writePages(root);
    const results: SizeResult[] = [];
    for (const size of options.cliOnly ? [] : options.sizes) {
      const dir = join(root, String(size));
      mkdirSync(dir, { recursive: true });
      const job: NodeJob = { size, queries: options.queries, seed: options.seed, dir, ...(options.profile ? { profileDir: options.profile } : {}) };
      progress(`${size} records: matcher index build and Node queries…`);
      const node = await runWorker<NodeResult>('bench-node.ts', job);
      const result: SizeResult = { size, node, ...(code ? { code } : {}) };
      if (options.pagefind) {
        progress(`${size} records: Pagefind index build…`);
        result.pagefind = await runWorker<PagefindResult>('bench-pagefind.ts', job);
      }
      if (options.lunr && size <= MAX_SITE_SIZE) {
        progress(`${size} records: lunr baseline in Node…`);
        result.lunr = await runWorker<LunrResult>('bench-lunr.ts', job);
      }
      results.push(result);
    }
    if (browserSide) {
      const { serveDirectory } = await import('./lib/bench-server.ts');
      const { measureSideBySide } = await import('./lib/bench-side.ts');
      const server = await serveDirectory(root);
      const browser = await browserSide.launch();
      try {
        for (const result of results) {
          const dir = join(root, String(result.size));
          const queries = JSON.parse(readFileSync(join(dir, 'queries.json'), 'utf8')) as BenchQuery[];
          const log = readFileSync(join(dir, 'log.txt'), 'utf8');
          progress(`${result.size} records: Precedent${result.pagefind ? ' and Pagefind' : ''} in Chromium, interleaved…`);
          result.side = await measureSideBySide(browser, server, result.size, queries, log, RESULT_LIMIT, result.pagefind !== undefined);
          if (result.lunr) {
            progress(`${result.size} records: lunr baseline in Chromium…`);
            result.browserLunr = await browserSide.measureLunr(browser, server, result.size, queries);
          }
          if (options.profile) {
            const file = join(options.profile, `${result.size}-chromium-first-queries.cpuprofile`);
            result.browserProfile = await browserSide.profileLoad(browser, server, result.size, file, queries.slice(0, 20).map((q) => q.text));
          }
        }
      } catch (error) {
        // Keep the Node figures: report the browser failure and print what was measured.
        failed = true;
        progress(`browser phase failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await browser.close();
        await server.close();
      }
    }
    if (options.site && !options.cliOnly) {
      const { measureSite } = await import('./lib/bench-site.ts');
      for (const result of results.filter((r) => r.size <= MAX_SITE_SIZE)) {
        progress(`${result.size} records: Astro site build (${result.size * 2} record pages)…`);
        const work = join(root, `site-${result.size}`);
        result.site = await measureSite(result.size, options.seed, work, progress);
        rmSync(work, { recursive: true, force: true });
        if (result.site.exitCode !== 0) failed = true;
      }
    }
    const cli: CliResult[] = [];
    const cliTargets = options.cliOnly && options.sizesGiven ? CLI_TARGETS.filter((t) => options.sizes.includes(t.size)) : CLI_TARGETS;
    if (options.cliOnly && cliTargets.length === 0) throw new UsageError(`--cli-only: the CLI is measured at ${CLI_TARGETS.map((t) => t.size).join(', ')} records; --sizes names none of them`);
    if (options.cli) for (const { size, maxMs } of cliTargets) cli.push(measureCli(size, maxMs, options.seed, progress));
    const after = matcherVersion();
    const source = after.hash === version.hash ? version.label : `${version.label}, changed during the run to ${after.hash}: figures may mix versions`;
    const targets = checkTargets(results);
    if (options.json) {
      // One object per size; a CLI row goes with its size, and rows at sizes not measured here come last, alone.
      const objects: Array<Record<string, unknown>> = results.map((r) => {
        const row = cli.find((c) => c.size === r.size);
        return { ...jsonOf(r), ...(row ? { cli: row } : {}) };
      });
      const others = cli.filter((c) => !results.some((r) => r.size === c.size));
      if (others.length > 0) objects.push({ cli: others });
      writeFileSync(options.json, `${JSON.stringify(objects, null, 2)}\n`);
      progress(`wrote ${options.json}`);
    }
    if (!options.cliOnly) process.stdout.write(`${renderSideBySide(results)}\n\n${renderDetails(results)}\n`);
    if (cli.length > 0) process.stdout.write(`${options.cliOnly ? '' : '\n'}${renderCliTable(cli)}\n`);
    const growth = renderGrowth(results);
    if (growth) process.stdout.write(`\n${growth}\n`);
    for (const profile of results.flatMap((r) => [...(r.node.profiles ?? []), ...(r.browserProfile ? [r.browserProfile] : [])])) {
      process.stdout.write(`\nCPU profile, ${profile.phase}: ${profile.totalMs.toFixed(0)} ms sampled → ${profile.file}\n`);
      for (const f of profile.matcher) process.stdout.write(`  ${f.ms.toFixed(1).padStart(8)} ms  ${f.name}\n`);
    }
    const failedTargets = targets.filter((t) => !t.pass);
    const took = ((performance.now() - started) / 1000).toFixed(0);
    if (options.cliOnly) process.stdout.write(`\n${cli.filter((c) => c.pass).length} of ${cli.length} CLI targets met\n`);
    else process.stdout.write(`\n${targets.length - failedTargets.length} of ${targets.length} targets met${failedTargets.length ? ` (missed: ${failedTargets.map((t) => `${t.label} @${t.size}`).join('; ')})` : ''}\n`);
    const measured = options.cliOnly ? 'CLI only' : `${options.queries} queries (seed ${options.seed}); ${options.browser ? 'Node + Chromium' : 'Node only'}`;
    process.stdout.write(`${source}; ${measured}; run took ${took} s; `
      + `load average ${loadBefore.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end, ${availableParallelism()} cores\n`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`bench: ${error.message}\n${USAGE}\n`);
  else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
