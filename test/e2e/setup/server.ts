/**
 * Shared by every browser test: builds the site when the build is missing or
 * older than its sources, then serves `dist/` from a tiny static server on a
 * free port, the way a static host would (no Astro runtime involved).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The project root (this file is test/e2e/setup/server.ts). */
export const ROOT = path.resolve(import.meta.dirname, '../../..');
/** Where `astro build` writes the site. */
export const DIST = path.join(ROOT, 'dist');
/** Written after a build this module ran; its mtime says how fresh `dist/` is. */
const STAMP = path.join(DIST, '.e2e-build-stamp');
/** Inputs whose change makes the build stale. */
const SOURCES = ['src', 'content', 'public', 'astro.config.mjs', 'precedent.config.json', 'package.json'];
/** Set `PRECEDENT_E2E_BUILD=always` to force a build, `never` to serve `dist/` as it is. */
const BUILD_MODE = process.env.PRECEDENT_E2E_BUILD ?? 'auto';

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

/** True when `dist/` is missing or older than one of its sources. */
export function buildIsStale(): boolean {
  if (!existsSync(STAMP)) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

/** Runs `astro build` with the project's Node when needed; throws with Astro's output if it fails. */
export function ensureBuilt(): void {
  if (BUILD_MODE === 'never' || (BUILD_MODE !== 'always' && !buildIsStale())) return;
  // Tests expect the site at `/`, whatever PRECEDENT_BASE the shell has.
  buildSite({ env: { PRECEDENT_BASE: '' } });
  writeFileSync(STAMP, new Date().toISOString());
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

/**
 * Runs `astro build` unconditionally, into `outDir` (default `dist/`) and
 * with extra environment, e.g. `{ PRECEDENT_BASE: '/precedent/' }`.
 * Returns what the build printed (its warnings included).
 */
export function buildSite(options: { outDir?: string; env?: Record<string, string> } = {}): string {
  const node = path.join(ROOT, 'node_modules/.bin/node');
  const args = ['node_modules/astro/bin/astro.mjs', 'build'];
  if (options.outDir) args.push('--outDir', options.outDir);
  const result = spawnSync(existsSync(node) ? node : process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...buildEnv(), ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    throw new Error(`astro build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
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

function handle(dir: string, base: string, request: IncomingMessage, response: ServerResponse): void {
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
  response.writeHead(file ? 200 : 404, {
    'content-type': CONTENT_TYPES[path.extname(served)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(served).pipe(response);
}

/**
 * Serves `dir` (default `dist/`) on 127.0.0.1 and a free port, below `base`
 * (default `/`; a site built with a base path is served under it).
 */
export async function serveStatic(dir: string = DIST, options: { base?: string } = {}): Promise<SiteServer> {
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const server = createServer((request, response) => handle(dir, base, request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
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

/** Builds if needed, then serves `dist/`. */
export async function startSite(): Promise<SiteServer> {
  ensureBuilt();
  return serveStatic();
}
