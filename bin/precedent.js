#!/usr/bin/env node
// The `precedent` command. Plain JavaScript on purpose: it must run on any
// Node to say which Node the TypeScript CLIs need (type stripping arrived in
// Node 22.18 and 23.6) instead of failing with ERR_UNKNOWN_FILE_EXTENSION.
// On a Node that can, it turns on the compile cache (transpiled TypeScript
// and V8 code, reused by the next call) and hands over to src/cli/precedent.ts.

const NEEDED = [22, 18];
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < NEEDED[0] || (major === NEEDED[0] && minor < NEEDED[1]) || (major === 23 && minor < 6)) {
  process.stderr.write(
    `precedent: the CLIs need Node ${NEEDED.join('.')} or newer (this is Node ${process.versions.node}); ` +
      'run them through npm scripts (npm run match -- 266), which use the Node 24 that npm install brings, ' +
      'or put Node 24 first on your PATH.\n',
  );
  process.exit(2);
}

const { enableCompileCache } = await import('node:module');
const { fileURLToPath } = await import('node:url');
if (typeof enableCompileCache === 'function' && !process.env.NODE_COMPILE_CACHE) {
  try {
    enableCompileCache(fileURLToPath(new URL('../node_modules/.cache/precedent/compile/', import.meta.url)));
  } catch {
    // No cache folder possible (read-only checkout): start without it.
  }
}
await import('../src/cli/precedent.ts');
