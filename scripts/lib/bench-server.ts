/**
 * A static file server for the browser benchmark: serves one directory on
 * 127.0.0.1 at a random port, gzip-encoded when the browser accepts it (as a
 * static host would), cross-origin isolated (so `performance.now()` has
 * microsecond resolution), and counts what it sent per file.
 */
import { createServer, type Server } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GZIP_LEVEL } from './bench-stats.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** One response the server sent. */
export interface Sent {
  path: string;
  /** Bytes on the wire (body only, gzip when encoded). */
  bytes: number;
}

/** A running bench server. */
export interface BenchServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Responses since the last `reset()`. */
  sent: Sent[];
  reset(): void;
  close(): Promise<void>;
}

/**
 * Serves `root`. Every file is read and compressed before the server starts,
 * so compression never counts in a measured load.
 */
export async function serveDirectory(root: string): Promise<BenchServer> {
  const cache = new Map<string, { raw: Buffer; gzip: Buffer }>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const raw = await readFile(file);
    cache.set(file, { raw, gzip: gzipSync(raw, { level: GZIP_LEVEL }) });
  }
  const state: BenchServer = {
    url: '',
    sent: [],
    reset: () => { state.sent = []; },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    const entry = file.startsWith(root + sep) ? cache.get(file) : undefined;
    if (!entry) {
      response.writeHead(404).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? entry.gzip : entry.raw;
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.byteLength,
      // As a static host would serve content-hashed files; cold runs use fresh contexts (empty caches).
      'Cache-Control': 'public, max-age=31536000, immutable',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    response.end(body);
    state.sent.push({ path, bytes: body.byteLength });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  state.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  return state;
}
