// The CLI's TypeScript, bundled by esbuild into one plain JavaScript file
// kept in node_modules/.cache/precedent/cli/: a warm `precedent match` then
// loads one file instead of about 50 TypeScript modules, each resolved,
// type-stripped and compiled on its own (that was half of its time).
//
// The file is CommonJS, run through `vm.Script` with a V8 code cache of its
// own, written after the first call has run: V8's cache of an ES module (what
// Node's compile cache keeps) is made at compile time and holds only the
// functions compiled eagerly, so each call compiled every other function it
// ran again, a quarter of a warm call's instructions. Each module's packages
// are required when the module is first used, as an import() did, so the
// validator's or the index builder's never load for a warm `match`.
//
// Built lazily by the first call that finds no current bundle, and keyed by
// what it was built from: `bundle.json` names the entry, lists every source
// file esbuild read with its size and modification time, and the checkout it
// was built in; a call stats them (about 150 files, 3 ms) and rebuilds when
// any differs, so an edit or a `git pull` never runs stale code. Packages stay outside
// the bundle (they are loaded from node_modules as before), so `npm ci`
// needs no rebuild. Whatever goes wrong (no esbuild, a failed build, a
// damaged bundle) falls back to the TypeScript sources, which give the same
// answer, only slower. Plain JavaScript, like bin/precedent.js, so loading it
// costs nothing to transpile.

// Built-ins as plain objects: an ESM `import … from 'node:fs'` reads every
// export of the module, which loads fs's streams (see builtinsAsObjects).
const { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } = process.getBuiltinModule('node:fs');
const path = process.getBuiltinModule('node:path');
const { fileURLToPath, pathToFileURL } = process.getBuiltinModule('node:url');

/** Format of `bundle.json` and of the bundle folder; another one is rebuilt. 2: one CommonJS file and its code cache; 3: the source entry recorded. */
export const BUNDLE_FORMAT = 3;
/** Beside the bundle's file: V8's code cache of it, with every function the first call ran. */
export const CODE_CACHE_SUFFIX = '.v8cache';
/** The bundle's description in the cache folder. */
export const MANIFEST_FILE = 'bundle.json';
/**
 * A source file modified this close to the build may have changed again
 * within the same timestamp tick, after esbuild read it: such a bundle is
 * used once but not recorded, so the next call builds again.
 */
export const RACY_WINDOW_MS = 2_000;
/**
 * Bundle folders replaced longer ago than this are removed: a call still
 * running from one may yet load a chunk from it (the index builder, when it
 * finds the records changed). Counted from the replacement, which touches
 * the replaced folder.
 */
export const OLD_BUNDLE_MS = 10 * 60_000;

const BUILDER = fileURLToPath(import.meta.url);
const ESBUILD_PACKAGE = fileURLToPath(new URL('../node_modules/esbuild/package.json', import.meta.url));

/**
 * @typedef {object} BundleManifest
 * @property {number} format
 * @property {string} root Absolute checkout the sources' own URLs were written for.
 * @property {string} dir The bundle's folder, in the cache folder.
 * @property {string} source The entry module it was built from, relative to `root`, `/`-separated.
 * @property {string} entry The entry file, in `dir`.
 * @property {Array<[file: string, size: number, mtimeMs: number]>} inputs Source files read, relative to `root`.
 * @property {Array<[file: string, size: number, mtimeMs: number]>} outputs Files written, relative to `dir`
 *   (their times too: V8 checks a code cache against its source's length only, so a file rewritten
 *   in place at the same size must not meet the cache of the old one).
 */

/**
 * @typedef {object} EntryOptions
 * @property {string} entry Absolute path of the TypeScript entry module.
 * @property {string} root Absolute project folder (where `node_modules` is).
 * @property {string} cacheDir Absolute folder the bundle is kept in.
 * @property {boolean} [disabled] Load the sources, as without a bundle.
 * @property {() => Promise<{ build: Function }>} [loadEsbuild] How to get esbuild (tests replace it).
 */

/**
 * The entry module: from the current bundle, from a bundle built now, or
 * from the TypeScript sources when no bundle can be had. Call
 * `saveCodeCache` once the call's work is done: it writes the bundle's code
 * cache when there was none (or V8 rejected it), with what the call compiled,
 * unless the call was a long one (see {@link CODE_CACHE_MAX_CALL_S}).
 * @param {EntryOptions} options
 * @returns {Promise<{ module: any, from: 'bundle' | 'built' | 'source', saveCodeCache: () => void }>}
 */
export async function importEntry({ entry, root, cacheDir, disabled = false, loadEsbuild = () => import('esbuild') }) {
  if (!disabled) {
    let from = /** @type {'bundle' | 'built'} */ ('bundle');
    let manifest = currentManifest(cacheDir, root, entry);
    if (!manifest) {
      from = 'built';
      manifest = await build(entry, root, cacheDir, loadEsbuild).catch(() => undefined);
    }
    if (manifest) {
      try {
        return { ...runBundle(path.join(cacheDir, manifest.dir, manifest.entry)), from };
      } catch {
        // A damaged bundle: forget it, so the next call builds a new one.
        rmSync(path.join(cacheDir, MANIFEST_FILE), { force: true });
      }
    }
  }
  return { module: await import(pathToFileURL(entry).href), from: 'source', saveCodeCache: () => {} };
}

/** Calls longer than this (seconds) leave the code cache to a quicker one. */
export const CODE_CACHE_MAX_CALL_S = 2;

const MODULE_WRAPPER_PARAMETERS = 'exports, require, module, __filename, __dirname';

/**
 * Runs the bundle's CommonJS file as Node's loader would, with its code cache when there is one.
 * @param {string} file
 * @returns {{ module: any, saveCodeCache: () => void }}
 */
function runBundle(file) {
  const vm = process.getBuiltinModule('node:vm');
  const { createRequire } = process.getBuiltinModule('node:module');
  const source = readFileSync(file, 'utf8');
  const cacheFile = `${file}${CODE_CACHE_SUFFIX}`;
  /** @type {Buffer | undefined} */
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // None yet: this call writes it.
  }
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  const saveCodeCache = () => {
    if (cachedData && !script.cachedDataRejected) return;
    // A long call built the index: its cache would hold the builder's code too, which every quick call would then read.
    if (process.uptime() > CODE_CACHE_MAX_CALL_S) return;
    try {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
    } catch {
      // A read-only cache folder: the next call compiles again.
    }
  };
  return { module: module.exports, saveCodeCache };
}

/**
 * The recorded bundle when it was built from `entry` and every source it was
 * built from and every file it wrote is as recorded, else undefined.
 * @param {string} cacheDir
 * @param {string} root
 * @param {string} entry
 * @returns {BundleManifest | undefined}
 */
export function currentManifest(cacheDir, root, entry) {
  /** @type {BundleManifest} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(cacheDir, MANIFEST_FILE), 'utf8'));
  } catch {
    return undefined;
  }
  if (manifest?.format !== BUNDLE_FORMAT || manifest.root !== root || manifest.source !== sourceOf(root, entry) || !Array.isArray(manifest.inputs) || !Array.isArray(manifest.outputs)) return undefined;
  for (const [file, size, mtimeMs] of manifest.inputs) {
    // Joined by hand: path.join cost more than the stats, over about 150 files.
    const stats = statSync(`${root}${path.sep}${file}`, { throwIfNoEntry: false });
    if (!stats || stats.size !== size || stats.mtimeMs !== mtimeMs) return undefined;
  }
  for (const [file, size, mtimeMs] of manifest.outputs) {
    const stats = statSync(`${cacheDir}${path.sep}${manifest.dir}${path.sep}${file}`, { throwIfNoEntry: false });
    if (!stats || stats.size !== size || stats.mtimeMs !== mtimeMs) return undefined;
  }
  return manifest;
}

/**
 * `entry` as esbuild's metafile names it: relative to `root`, `/`-separated.
 * @param {string} root
 * @param {string} entry
 */
function sourceOf(root, entry) {
  return path.relative(root, entry).split(path.sep).join('/');
}

/**
 * Bundles `entry` into a new folder of `cacheDir` and records it (unless a
 * source was modified racily close to the build).
 * @param {string} entry
 * @param {string} root
 * @param {string} cacheDir
 * @param {() => Promise<{ build: Function }>} loadEsbuild
 * @returns {Promise<BundleManifest>}
 */
async function build(entry, root, cacheDir, loadEsbuild) {
  const esbuild = await loadEsbuild();
  const started = Date.now();
  mkdirSync(cacheDir, { recursive: true });
  const temp = mkdtempSync(path.join(cacheDir, '.tmp-'));
  try {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [entry],
      outdir: temp,
      bundle: true,
      // One file: each module is set up at its first use, and its packages required then (a command's, the index builder's).
      format: 'cjs',
      platform: 'node',
      target: 'node22',
      outExtension: { '.js': '.cjs' },
      metafile: true,
      // Less text to read and a smaller code cache: every page a call touches costs (10–15 µs a page fault here).
      minifyWhitespace: true,
      minifySyntax: true,
      minifyIdentifiers: true,
      // The file is the function Node's loader would wrap it in, so it is compiled as read, not copied into a wrapper first.
      banner: { js: `(function (${MODULE_WRAPPER_PARAMETERS}) {` },
      footer: { js: '})' },
      legalComments: 'none',
      logLevel: 'silent',
      plugins: [ownUrls, builtinsAsObjects, jsonAsText, packagesOutside],
    });
    const dir = path.basename(temp).replace(/^\.tmp-/, 'bundle-');
    const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(temp, path.resolve(root, file)));
    const entryPoint = sourceOf(root, entry);
    const entryOutput = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === entryPoint);
    if (!entryOutput) throw new Error('esbuild wrote no entry');
    /** @type {BundleManifest} */
    const manifest = {
      format: BUNDLE_FORMAT,
      root,
      dir,
      source: entryPoint,
      entry: path.relative(temp, path.resolve(root, entryOutput[0])),
      // This builder and esbuild decide the output as much as the sources do.
      inputs: [...Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('builtin:')), path.relative(root, BUILDER), path.relative(root, ESBUILD_PACKAGE)].map((file) => {
        const stats = statSync(path.resolve(root, file));
        return [file, stats.size, stats.mtimeMs];
      }),
      outputs: outputs.map((file) => {
        const stats = statSync(path.join(temp, file));
        return [file, stats.size, stats.mtimeMs];
      }),
    };
    renameSync(temp, path.join(cacheDir, dir));
    touchReplaced(cacheDir);
    if (manifest.inputs.every(([, , mtimeMs]) => mtimeMs < started - RACY_WINDOW_MS)) {
      const file = path.join(cacheDir, MANIFEST_FILE);
      writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(manifest));
      renameSync(`${file}.${process.pid}.tmp`, file);
    }
    prune(cacheDir, dir);
    return manifest;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/**
 * Keeps each source file's `import.meta` as it was: its URL (modules find
 * files beside them, such as package.json or the code the index cache is
 * keyed by) and `main`, false for a module imported by the bundle's entry.
 */
const ownUrls = {
  name: 'precedent-own-urls',
  /** @param {any} build */
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (/** @type {{ path: string }} */ args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const url = pathToFileURL(args.path).href;
      return {
        contents: text
          .replace(/\bimport\.meta\.url\b/g, JSON.stringify(url))
          .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path))
          .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(path.dirname(args.path)))
          .replace(/\bimport\.meta\.main\b/g, 'false'),
        loader: /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js',
      };
    });
  },
};

/**
 * A JSON module (the matcher's lexicon) as `JSON.parse` of its text: V8
 * parses JSON faster than the same data written as an object literal.
 */
const jsonAsText = {
  name: 'precedent-json-as-text',
  /** @param {any} build */
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, (/** @type {{ path: string }} */ args) => {
      const text = readFileSync(args.path, 'utf8');
      JSON.parse(text); // A broken file fails the build here (and the sources report it), not at run time.
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

/**
 * The packages a warm `precedent match` loads, small and plain, are bundled
 * (resolving each from node_modules costs more than reading it); every other
 * package is loaded from node_modules when a command needs it.
 */
export const BUNDLED_PACKAGES = ['citty', 'lunr', 'fastest-levenshtein'];

const packagesOutside = {
  name: 'precedent-packages-outside',
  /** @param {any} build */
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (/** @type {{ path: string }} */ args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return BUNDLED_PACKAGES.includes(name) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * Node's built-in modules as their plain objects (`process.getBuiltinModule`)
 * rather than ESM imports: importing `node:fs` from ESM builds a facade that
 * reads every export, which loads the streams for `fs.ReadStream` and all of
 * crypto's key classes, about 25 ms a warm call does not need.
 */
const builtinsAsObjects = {
  name: 'precedent-builtins-as-objects',
  /** @param {any} build */
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (/** @type {{ path: string }} */ args) => ({ path: args.path, namespace: 'builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, async (/** @type {{ path: string }} */ args) => {
      const { plain, forward } = await freshExports(args.path);
      const named = (/** @type {string} */ name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default';
      return {
        contents: [
          `const m = process.getBuiltinModule(${JSON.stringify(args.path)});`,
          'export default m;',
          // Its plain values as named exports, read once; a getter (fs.ReadStream) would load its part of Node at start.
          `export const { ${plain.filter(named).join(', ')} } = m;`,
          // A function Node loads at first read (util.diff, util.parseArgs): read at its first call.
          ...forward.filter(named).map((name) => `export function ${name}(...args) { return m.${name}.apply(this, args); }`),
        ].join('\n'),
        loader: 'js',
      };
    });
  },
};

/**
 * `specifier`'s exports as a fresh Node sees them: `plain`, values; `forward`, plain functions
 * whose first read loads more of Node (util.diff, util.setTraceSigInt: 5–8 ms of a warm call
 * when the module's every value was read at its start). Read in a child process, one per
 * module: in this one, esbuild's run has loaded them already. Without a child process, this
 * process's view (every value plain: slower start-ups, same answers).
 * @param {string} specifier
 * @returns {Promise<{ plain: string[]; forward: string[] }>}
 */
async function freshExports(specifier) {
  const script = `const m = process.getBuiltinModule(${JSON.stringify(specifier)}); const plain = [], forward = [];
for (const key of Reflect.ownKeys(m)) {
  if (typeof key !== 'string') continue;
  const before = process.moduleLoadList.length;
  const d = Object.getOwnPropertyDescriptor(m, key);
  if (!('value' in d)) continue;
  const v = d.value, lazy = process.moduleLoadList.length > before;
  const simple = typeof v === 'function' && !/^class\\b/.test(Function.prototype.toString.call(v))
    && Object.getOwnPropertyNames(v).every((p) => p === 'length' || p === 'name' || p === 'prototype');
  (lazy && simple ? forward : plain).push(key);
}
process.stdout.write(JSON.stringify({ plain, forward }));`;
  try {
    const { execFile } = process.getBuiltinModule('node:child_process');
    const stdout = await new Promise((resolve, reject) =>
      execFile(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } }, (error, out) => (error ? reject(error) : resolve(out))),
    );
    const fresh = JSON.parse(/** @type {string} */ (stdout));
    if (Array.isArray(fresh.plain) && Array.isArray(fresh.forward)) return fresh;
  } catch {
    // No child process: this process's view below.
  }
  const descriptors = Object.entries(Object.getOwnPropertyDescriptors(process.getBuiltinModule(specifier)));
  return { plain: descriptors.filter(([, descriptor]) => 'value' in descriptor).map(([name]) => name), forward: [] };
}

/**
 * Marks the recorded bundle, about to be replaced, as replaced now, so
 * {@link prune} leaves it to the calls still running from it for a while.
 * @param {string} cacheDir
 */
function touchReplaced(cacheDir) {
  try {
    const { dir } = JSON.parse(readFileSync(path.join(cacheDir, MANIFEST_FILE), 'utf8'));
    if (typeof dir === 'string' && /^bundle-[\w-]+$/.test(dir)) utimesSync(path.join(cacheDir, dir), new Date(), new Date());
  } catch {
    // None recorded, or already removed.
  }
}

/**
 * Removes bundles other than `keep` once replaced for a while, and temporary
 * folders of killed builds.
 * @param {string} cacheDir
 * @param {string} keep
 */
function prune(cacheDir, keep) {
  for (const name of readdirSync(cacheDir)) {
    if (name === keep || !/^(bundle-|\.tmp-)/.test(name)) continue;
    const full = path.join(cacheDir, name);
    try {
      if (Date.now() - statSync(full).mtimeMs < OLD_BUNDLE_MS) continue;
      rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed by another call meanwhile.
    }
  }
}
