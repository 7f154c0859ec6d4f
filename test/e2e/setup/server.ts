/**
 * Shared by every browser test: builds a library of records into its own
 * output folder (the fixture library into `test-output/site/` by default,
 * never the `dist/` a running `npm start` serves), when that build is missing
 * or older than its sources, then serves it from a tiny static server on a
 * free port, the way a static host would (no Astro runtime involved).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { FIXTURE_LIBRARY } from '../../support/fixture-library.ts';

/** The project root (this file is test/e2e/setup/server.ts). */
export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Where test builds go (gitignored). */
export const TEST_OUTPUT = path.join(ROOT, 'test-output');
/** Where the fixture library's site is built: the site every browser test drives by default. */
export const FIXTURE_SITE = path.join(TEST_OUTPUT, 'site');
/** Written into an output folder after a build this module ran: what was built, and (by its mtime) when. */
const STAMP_FILE = '.e2e-build-stamp';
/** Inputs besides the content folder whose change makes a build stale. */
const SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json', 'precedent.config.json'];
/** Set `PRECEDENT_E2E_BUILD=always` to force a build, `never` to serve a build as it is. */
const BUILD_MODE = process.env.PRECEDENT_E2E_BUILD ?? 'auto';

/** A library to build: which records, into which folder, with which settings. */
export interface LibraryBuild {
  /** Folder of records (`.md` files), absolute or relative to the project root. Default: the fixture library. */
  content?: string;
  /** Output folder, absolute or relative to the project root. Default: {@link FIXTURE_SITE}. */
  outDir?: string;
  /** Extra environment, e.g. `{ PRECEDENT_BASE: '/precedent/' }` (see src/config.ts). */
  env?: Record<string, string>;
}

/** A build with every default filled and every path absolute. */
interface ResolvedBuild {
  content: string;
  outDir: string;
  /** The content layer's cache, beside the output folder, so two libraries' entries never mix. */
  cacheDir: string;
  env: Record<string, string>;
}

function resolveBuild(build: LibraryBuild): ResolvedBuild {
  const outDir = path.resolve(ROOT, build.outDir ?? FIXTURE_SITE);
  if (outDir === path.join(ROOT, 'dist')) throw new Error('Test builds never write dist/ (a running `npm start` serves it): pass another outDir');
  return {
    content: path.resolve(ROOT, build.content ?? FIXTURE_LIBRARY),
    outDir,
    cacheDir: `${outDir}-cache`,
    // Tests expect the site at `/` unless they ask for a base, whatever PRECEDENT_BASE the shell has.
    env: { PRECEDENT_BASE: '', ...build.env },
  };
}
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** A running static server. */
export interface SiteServer {
  /** Origin and base path with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Newest modification time (ms) of a file or of any file below a folder. */
function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** What the stamp records: a build of another library or with other settings is stale too. */
function stampOf(build: ResolvedBuild): string {
  return JSON.stringify({ content: build.content, env: build.env });
}

/** True when the build is missing, of another library or settings, or older than one of its sources. */
export function buildIsStale(build: LibraryBuild = {}): boolean {
  const resolved = resolveBuild(build);
  const stamp = path.join(resolved.outDir, STAMP_FILE);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== stampOf(resolved)) return true;
  const built = statSync(stamp).mtimeMs;
  return [resolved.content, ...SOURCES.map((source) => path.join(ROOT, source))].some((source) => newestMtime(source) > built);
}

/**
 * Builds `build` (default: the fixture library into `test-output/site/`)
 * unless an up-to-date build of it is there; returns the output folder.
 */
export function ensureBuilt(build: LibraryBuild = {}): string {
  const resolved = resolveBuild(build);
  if (BUILD_MODE === 'never' || (BUILD_MODE !== 'always' && !buildIsStale(build))) return resolved.outDir;
  buildSite(build);
  writeFileSync(path.join(resolved.outDir, STAMP_FILE), stampOf(resolved));
  return resolved.outDir;
}

/** Variables vitest puts in `process.env` for its own Vite; a child build must not inherit them. */
const VITEST_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST', 'NODE_ENV']);

/** The environment for a child `astro build`: this process's, minus what vitest added. */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ASTRO_TELEMETRY_DISABLED: '1' };
  for (const [key, value] of Object.entries(process.env)) {
    if (!VITEST_ENV.has(key) && !key.startsWith('VITEST')) env[key] = value;
  }
  return env;
}

/** A build that failed: Astro's exit code and output. */
export class BuildError extends Error {
  override name = 'BuildError';
  readonly status: number | null;
  readonly output: string;
  constructor(status: number | null, output: string) {
    super(`astro build failed (exit ${status}):\n${output}`);
    this.status = status;
    this.output = output;
  }
}

/**
 * Runs `astro build` unconditionally: the records in `content` (default: the
 * fixture library) into `outDir` (default: `test-output/site/`), with its own
 * content-layer cache and extra environment. Throws a {@link BuildError} with
 * Astro's output when the build fails (for example on an invalid record);
 * returns what the build printed (its warnings included).
 */
export function buildSite(build: LibraryBuild = {}): string {
  const resolved = resolveBuild(build);
  const node = path.join(ROOT, 'node_modules/.bin/node');
  const args = ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', resolved.outDir];
  const result = spawnSync(existsSync(node) ? node : process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    // src/config.ts takes the content folder relative to the project root. An explicit PRECEDENT_CONTENT / PRECEDENT_CACHE_DIR in `env` wins over `content` and the default cache.
    env: { ...buildEnv(), PRECEDENT_CONTENT: path.relative(ROOT, resolved.content) || '.', PRECEDENT_CACHE_DIR: resolved.cacheDir, ...resolved.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new BuildError(result.status, `${result.stdout}\n${result.stderr}`);
  return `${result.stdout}\n${result.stderr}`;
}

/** Maps a request path to a file in `dir`, or a redirect for a folder without its slash. */
function resolveFile(dir: string, pathname: string): { file?: string; redirect?: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return {};
  }
  const target = path.join(dir, path.normalize(decoded));
  if (target !== dir && !target.startsWith(dir + path.sep)) return {};
  if (!existsSync(target)) return existsSync(`${target}.html`) ? { file: `${target}.html` } : {};
  if (statSync(target).isDirectory()) {
    if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
    const index = path.join(target, 'index.html');
    return existsSync(index) ? { file: index } : {};
  }
  return { file: target };
}

function handle(dir: string, base: string, gzip: boolean, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(base)) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found (outside the base path)');
    return;
  }
  const { file, redirect } = resolveFile(dir, url.pathname.slice(base.length - 1));
  if (redirect) {
    response.writeHead(301, { location: base.slice(0, -1) + redirect + url.search }).end();
    return;
  }
  const notFound = path.join(dir, '404.html');
  const served = file ?? (existsSync(notFound) ? notFound : undefined);
  if (!served) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  const type = CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream';
  const compress = gzip && !/^image\/(?!svg)|^font\//.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  response.writeHead(file ? 200 : 404, {
    'content-type': type,
    'cache-control': 'no-store',
    ...(compress ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  });
  if (request.method === 'HEAD') response.end();
  else if (compress) createReadStream(served).pipe(createGzip()).pipe(response);
  else createReadStream(served).pipe(response);
}

/** How {@link serveStatic} serves. */
export interface ServeOptions {
  /** Base path the site was built with. Default `/`. */
  base?: string;
  /** Gzip text responses when the client accepts it, as a production host does (Lighthouse audits it). Default false. */
  gzip?: boolean;
  /** Port to listen on. Default: a free one. */
  port?: number;
}

/**
 * Serves `dir` (default: the fixture site) on 127.0.0.1 and a free port, below `base`
 * (default `/`; a site built with a base path is served under it).
 */
export async function serveStatic(dir: string = FIXTURE_SITE, options: ServeOptions = {}): Promise<SiteServer> {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server = createServer((request, response) => handle(dir, base, options.gzip ?? false, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Builds `build` if needed (default: the fixture library), then serves it,
 * below `PRECEDENT_BASE` when the build sets one.
 */
export async function startSite(build: LibraryBuild = {}): Promise<SiteServer> {
  const outDir = ensureBuilt(build);
  return serveStatic(outDir, { base: resolveBuild(build).env.PRECEDENT_BASE || '/' });
}

/** A file added to a library built for one test file. */
export interface LibraryFile {
  name: string;
  text: string;
}

/**
 * Builds the fixture library plus `files` (extra records, a
 * `severity-maps.json` …) in a fresh folder `test-output/<name>-…/`, always
 * (it is the test's own library), and serves it. Closing the server removes
 * the folder.
 */
export async function serveFixtureLibraryWith(name: string, files: readonly LibraryFile[], env: Record<string, string> = {}): Promise<SiteServer> {
  // Inside the project: the content folder is a setting relative to the project root.
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const work = mkdtempSync(path.join(TEST_OUTPUT, `${name}-`));
  const library = path.join(work, 'library');
  cpSync(FIXTURE_LIBRARY, library, { recursive: true, filter: (file) => !file.endsWith('README.markdown') });
  for (const file of files) writeFileSync(path.join(library, file.name), file.text);
  try {
    buildSite({ content: library, outDir: path.join(work, 'dist'), env: { PRECEDENT_CACHE_DIR: path.join(work, 'cache'), PRECEDENT_BASE: '', ...env } });
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  const server = await serveStatic(path.join(work, 'dist'));
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
