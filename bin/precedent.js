#!/usr/bin/env node
// The `precedent` command. Plain JavaScript on purpose: it must run on any
// Node to say which Node the TypeScript CLIs need (type stripping arrived in
// Node 22.18 and 23.6) instead of failing with ERR_UNKNOWN_FILE_EXTENSION.
// On a Node that can, it turns on the compile cache (transpiled TypeScript
// and V8 code, reused by the next call) and hands over to src/cli/precedent.ts;
// `match` goes to src/cli/match-entry.ts, bundled into plain JavaScript when
// it can be (bin/warm-bundle.js), whose own code cache is written once the
// command is done.
// PRECEDENT_NO_BUNDLE=1 runs the TypeScript sources as they are.

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

// process.getBuiltinModule, not import(): an ESM import of a built-in reads all its exports, loading more of Node.
const { enableCompileCache } = process.getBuiltinModule('node:module');
const { fileURLToPath } = process.getBuiltinModule('node:url');
if (typeof enableCompileCache === 'function' && !process.env.NODE_COMPILE_CACHE) {
  try {
    enableCompileCache(fileURLToPath(new URL('../node_modules/.cache/precedent/compile/', import.meta.url)));
  } catch {
    // No cache folder possible (read-only checkout): start without it.
  }
}
// Only `match`, a short call, runs from the bundle (of its own entry, which holds no other command):
// a long-lived `mcp` server could outlive its bundle's folder.
const bundled = process.env.PRECEDENT_NO_BUNDLE !== '1' && process.argv[2] === 'match';
const { importEntry } = await import('./warm-bundle.js');
const { module, saveCodeCache } = await importEntry({
  entry: fileURLToPath(new URL(bundled ? '../src/cli/match-entry.ts' : '../src/cli/precedent.ts', import.meta.url)),
  root: fileURLToPath(new URL('..', import.meta.url)).replace(/[\\/]$/, ''),
  cacheDir: fileURLToPath(new URL('../node_modules/.cache/precedent/cli', import.meta.url)),
  disabled: !bundled,
});
await module.main(process.argv.slice(2));
saveCodeCache();
