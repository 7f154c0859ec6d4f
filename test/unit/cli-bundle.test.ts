/**
 * bin/warm-bundle.js: the CLI's sources bundled into plain JavaScript, rebuilt
 * when a source changes, and the TypeScript sources whenever no bundle can be
 * had. Each call is a process of its own, as a CLI call is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CODE_CACHE_MAX_CALL_S, CODE_CACHE_SUFFIX, MANIFEST_FILE } from '../../bin/warm-bundle.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const BUNDLER = pathToFileURL(path.join(ROOT, 'bin/warm-bundle.js')).href;

let work: string;
let cacheDir: string;

/** Sets a file's times well before the racy window, as a checkout's are by the time anyone calls the CLI. */
function settle(file: string, secondsAgo = 60): void {
  const past = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, past, past);
}

function writeSource(name: string, text: string, secondsAgo = 60): void {
  const file = path.join(work, 'src', name);
  writeFileSync(file, text);
  settle(file, secondsAgo);
}

/** One process loading the entry the way bin/precedent.js does; prints where it came from and what it answers. */
function call(options: { entry?: string; cacheDir?: string; noEsbuild?: boolean } = {}): { from: string; answer: string } {
  const entry = options.entry ?? path.join(work, 'src', 'entry.ts');
  const script = `
    import { importEntry } from ${JSON.stringify(BUNDLER)};
    const { module, from, saveCodeCache } = await importEntry({
      entry: ${JSON.stringify(entry)},
      root: ${JSON.stringify(options.entry?.startsWith(ROOT) ? ROOT : work)},
      cacheDir: ${JSON.stringify(options.cacheDir ?? cacheDir)},
      ${options.noEsbuild ? "loadEsbuild: () => Promise.reject(new Error('no esbuild here')), " : ''}
    });
    process.stdout.write(JSON.stringify({ from, answer: typeof module.answer === 'function' ? module.answer() : Object.keys(module).sort().join(',') }));
    saveCodeCache();
  `;
  const result = spawnSync(NODE, ['--input-type=module', '-e', script], { cwd: work, encoding: 'utf8', timeout: 60_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as { from: string; answer: string };
}

const bundles = () => readdirSync(cacheDir).filter((name) => name.startsWith('bundle-'));

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'precedent-cli-bundle-'));
  cacheDir = path.join(work, 'cache');
  mkdirSync(path.join(work, 'src'));
  writeFileSync(path.join(work, 'package.json'), '{ "type": "module" }\n');
  writeSource('entry.ts', "import { word } from './word.ts';\nexport const answer = (): string => `${word} from ${import.meta.url.split('/').pop()}`;\n");
  writeSource('word.ts', "export const word: string = 'one';\n");
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('importEntry', { timeout: 60_000 }, () => {
  it('builds the bundle on the first call and loads it on the next, answering as the sources do', () => {
    expect(call()).toEqual({ from: 'built', answer: 'one from entry.ts' });
    expect(call()).toEqual({ from: 'bundle', answer: 'one from entry.ts' });
    expect(bundles()).toHaveLength(1);
  });

  it("calls a built-in's lazily loaded function (util.parseArgs) through, without loading the module's others at start", () => {
    writeSource('entry.ts', [
      "import { parseArgs, diff, format } from 'node:util';",
      'const atStart = process.moduleLoadList.some((name) => name.includes("internal/util/diff"));',
      "export const answer = (): string => `${JSON.stringify(parseArgs({ args: ['--n', '3'], options: { n: { type: 'string' } } }).values)} ${format('%d', 4)} ${diff('a', 'b').length > 0} ${atStart}`;",
    ].join('\n'));
    expect(call()).toEqual({ from: 'built', answer: '{"n":"3"} 4 true false' });
    expect(call()).toEqual({ from: 'bundle', answer: '{"n":"3"} 4 true false' });
  });

  it('rebuilds after a source edit, and never answers from the stale bundle', () => {
    call();
    writeSource('word.ts', "export const word: string = 'two';\n", 30);
    expect(call()).toEqual({ from: 'built', answer: 'two from entry.ts' });
    expect(call()).toEqual({ from: 'bundle', answer: 'two from entry.ts' });
  });

  it('keeps the replaced bundle for calls still running from it', () => {
    call();
    const [old] = bundles();
    settle(path.join(cacheDir, old!), 3600); // Built long ago: its age counts from its replacement.
    writeSource('word.ts', "export const word: string = 'two';\n", 30);
    expect(call().from).toBe('built');
    expect(bundles()).toContain(old);
  });

  it('rebuilds after an edit that keeps the size, as a checkout of another commit can', () => {
    call();
    writeSource('word.ts', "export const word: string = 'eno';\n", 30);
    expect(call()).toEqual({ from: 'built', answer: 'eno from entry.ts' });
  });

  it('leaves the code cache to a quick call when the call was long (it built the index: its cache would hold the builder too)', () => {
    writeSource('entry.ts', `export const answer = (): string => { while (process.uptime() <= ${CODE_CACHE_MAX_CALL_S + 0.1}) {} return 'slow'; };\n`);
    expect(call()).toEqual({ from: 'built', answer: 'slow' });
    const [dir] = bundles();
    expect(existsSync(path.join(cacheDir, dir!, `entry.cjs${CODE_CACHE_SUFFIX}`))).toBe(false);
  });

  it('builds again when a bundle file is rewritten in place at the same size', () => {
    call();
    const [dir] = bundles();
    const entry = path.join(cacheDir, dir!, 'entry.cjs');
    writeFileSync(entry, '}'.repeat(readFileSync(entry).length));
    expect(call()).toEqual({ from: 'built', answer: 'one from entry.ts' });
  });

  it('loads the sources when a bundle file is damaged past what its size and time tell, and builds a new bundle on the next call', () => {
    call();
    const [dir] = bundles();
    const entry = path.join(cacheDir, dir!, 'entry.cjs');
    writeFileSync(entry, '}'.repeat(readFileSync(entry).length));
    // The recorded time made the damaged file's, as if the damage had kept its time.
    const manifestFile = path.join(cacheDir, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { outputs: Array<[string, number, number]> };
    manifest.outputs = manifest.outputs.map(([file, size]) => [file, size, statSync(path.join(cacheDir, dir!, file)).mtimeMs]);
    writeFileSync(manifestFile, JSON.stringify(manifest));
    rmSync(`${entry}${CODE_CACHE_SUFFIX}`);
    expect(call()).toEqual({ from: 'source', answer: 'one from entry.ts' });
    expect(call()).toEqual({ from: 'built', answer: 'one from entry.ts' });
  });

  it('builds again when a bundle file was cut short', () => {
    call();
    const [dir] = bundles();
    writeFileSync(path.join(cacheDir, dir!, 'entry.cjs'), 'export');
    expect(call()).toEqual({ from: 'built', answer: 'one from entry.ts' });
  });

  it('writes the bundle\'s code cache after its first call, keeps it, and writes it again when V8 rejects it', () => {
    call();
    const [dir] = bundles();
    const cache = path.join(cacheDir, dir!, `entry.cjs${CODE_CACHE_SUFFIX}`);
    expect(readFileSync(cache).length).toBeGreaterThan(0);
    const first = statSync(cache).mtimeMs;
    settle(cache);
    expect(call()).toEqual({ from: 'bundle', answer: 'one from entry.ts' });
    expect(statSync(cache).mtimeMs).toBeLessThan(first); // Accepted: not written again.
    writeFileSync(cache, 'not a code cache');
    expect(call()).toEqual({ from: 'bundle', answer: 'one from entry.ts' });
    expect(readFileSync(cache, 'utf8')).not.toBe('not a code cache');
  });

  it('loads the sources when esbuild cannot be had', () => {
    expect(call({ noEsbuild: true })).toEqual({ from: 'source', answer: 'one from entry.ts' });
    expect(existsSync(cacheDir)).toBe(false); // Nothing half-written.
  });

  it('does not record a bundle built from a source modified racily close to the build', () => {
    writeSource('word.ts', "export const word: string = 'new';\n", 0);
    expect(call()).toEqual({ from: 'built', answer: 'new from entry.ts' });
    expect(readdirSync(cacheDir)).not.toContain(MANIFEST_FILE);
    settle(path.join(work, 'src', 'word.ts'), 30);
    expect(call().from).toBe('built');
    expect(call().from).toBe('bundle');
  });

  it('bundles the real CLI and `match`\'s own entry (a failure would silently fall back to the slower sources)', () => {
    const real = { entry: path.join(ROOT, 'src/cli/precedent.ts'), cacheDir };
    expect(call(real)).toEqual({ from: 'built', answer: 'COMMANDS,USAGE,main' });
    expect(call(real)).toEqual({ from: 'bundle', answer: 'COMMANDS,USAGE,main' });
    const match = { entry: path.join(ROOT, 'src/cli/match-entry.ts'), cacheDir };
    expect(call(match)).toEqual({ from: 'built', answer: 'main' });
    expect(call(match)).toEqual({ from: 'bundle', answer: 'main' });
  });

  it('never answers from a bundle built from another entry', () => {
    writeSource('other.ts', "export const answer = (): string => 'other';\n");
    expect(call()).toEqual({ from: 'built', answer: 'one from entry.ts' });
    expect(call({ entry: path.join(work, 'src', 'other.ts') })).toEqual({ from: 'built', answer: 'other' });
  });
});
