/**
 * The checked settings cached between CLI calls (src/config-cache.ts): the
 * same answer as `loadConfig`, served from the cache only while nothing it
 * depends on changed, and never hiding a bad setting. "Served from the cache"
 * is shown by planting a marker in the cached entry: a call that returns the
 * marker read the cache, one that does not checked the settings again.
 */
import { chmodSync, mkdtempSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_CACHE_FILE, CONFIG_RACY_WINDOW_MS, cachedConfig, cachedContentDir } from '../../src/config-cache.ts';
import { CONFIG_FILE, CONFIG_PATH_ENV, loadConfig } from '../../src/config.ts';

const MARKER = 'from the cache';

/** A project folder (with `text` as its settings file) and an environment whose cache folder is its own. */
function project(text?: string): { root: string; env: NodeJS.ProcessEnv; cacheFile: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'precedent-config-cache-'));
  if (text !== undefined) writeSettings(path.join(root, CONFIG_FILE), text);
  const cache = path.join(root, '.cache');
  return { root, env: { PRECEDENT_INDEX_CACHE: cache }, cacheFile: path.join(cache, CONFIG_CACHE_FILE) };
}

/** A whole second long past: a time `utimes` can set back exactly. */
const PAST = new Date('2026-01-01T00:00:00Z');

/** Writes a settings file dated {@link PAST}. */
function writeSettings(file: string, text: string): void {
  writeFileSync(file, text);
  utimesSync(file, PAST, PAST);
}

/** Marks the cached entry, and dates it late enough that the settings file's times are trusted. */
function plantMarker(cacheFile: string): void {
  const entry = JSON.parse(readFileSync(cacheFile, 'utf8')) as { recordedAt: number; config: { siteName: string } };
  entry.config.siteName = MARKER;
  entry.recordedAt = Date.now() + 10 * CONFIG_RACY_WINDOW_MS;
  writeFileSync(cacheFile, JSON.stringify(entry));
}

/** Rewrites the settings file in place: same size, same modification time (only its ctime moves). */
function editInPlace(file: string, from: string, to: string): void {
  expect(to.length).toBe(from.length);
  const before = statSync(file);
  expect(before.mtimeMs).toBe(PAST.getTime());
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  utimesSync(file, PAST, PAST);
  const after = statSync(file);
  expect([after.size, after.mtimeMs, after.ino]).toEqual([before.size, before.mtimeMs, before.ino]);
}

describe('cachedConfig', () => {
  it('gives what loadConfig gives: defaults, every field normalised, an override', async () => {
    const bare = project();
    expect(await cachedConfig(bare.root, bare.env)).toEqual(loadConfig(bare.root, bare.env));
    const full = project(JSON.stringify({ siteName: ' Acme ', siteUrl: 'https://kb.acme.org/', base: 'kb', repoUrl: 'https://gitlab.com/acme/pm.git', contentDir: 'records/' }));
    const env = { ...full.env, PRECEDENT_REPO_BRANCH: 'trunk' };
    const expected = loadConfig(full.root, env);
    expect(expected).toMatchObject({ siteName: 'Acme', base: '/kb/', repoLayout: 'gitlab', repoBranch: 'trunk', contentDir: 'records' });
    expect(await cachedConfig(full.root, env)).toEqual(expected);
    // And the same again when read back from the cache.
    expect(await cachedConfig(full.root, env)).toEqual(expected);
    expect(await cachedContentDir(full.root, env)).toBe('records');
  });

  it('answers from the cache while the file, the variables and the root are unchanged', async () => {
    const { root, env, cacheFile } = project('{"siteName": "Acme"}');
    await cachedConfig(root, env);
    plantMarker(cacheFile);
    expect((await cachedConfig(root, env)).siteName).toBe(MARKER);
    expect((await cachedConfig(project('{"siteName": "Acme"}').root, env)).siteName).toBe('Acme');
  });

  it('sees a settings file edited in place (same size, same modification time)', async () => {
    const { root, env, cacheFile } = project('{"siteName": "Acme"}');
    await cachedConfig(root, env);
    plantMarker(cacheFile);
    editInPlace(path.join(root, CONFIG_FILE), 'Acme', 'Beta');
    expect((await cachedConfig(root, env)).siteName).toBe('Beta');
  });

  it('sees a settings file added, replaced or removed', async () => {
    const { root, env, cacheFile } = project();
    await cachedConfig(root, env);
    plantMarker(cacheFile);
    const file = path.join(root, CONFIG_FILE);
    writeFileSync(file, '{"siteName": "Added"}');
    expect((await cachedConfig(root, env)).siteName).toBe('Added');
    plantMarker(cacheFile);
    writeFileSync(`${file}.new`, '{"siteName": "Moved"}');
    renameSync(`${file}.new`, file);
    expect((await cachedConfig(root, env)).siteName).toBe('Moved');
    plantMarker(cacheFile);
    renameSync(file, `${file}.old`);
    expect((await cachedConfig(root, env)).siteName).toBe('Precedent');
  });

  it('sees any PRECEDENT_* variable set, changed or unset', async () => {
    const { root, env, cacheFile } = project('{"siteName": "Acme"}');
    await cachedConfig(root, env);
    plantMarker(cacheFile);
    expect((await cachedConfig(root, { ...env, PRECEDENT_SITE_NAME: 'Env' })).siteName).toBe('Env');
    plantMarker(cacheFile);
    expect((await cachedConfig(root, { ...env, PRECEDENT_SITE_NAME: 'Other' })).siteName).toBe('Other');
    plantMarker(cacheFile);
    expect((await cachedConfig(root, env)).siteName).toBe('Acme');
  });

  it('follows the file PRECEDENT_CONFIG names, and its edits', async () => {
    const { root, env, cacheFile } = project('{"siteName": "Default"}');
    writeSettings(path.join(root, 'preview.json'), '{"siteName": "Preview"}');
    const named = { ...env, [CONFIG_PATH_ENV]: 'preview.json' };
    expect((await cachedConfig(root, named)).siteName).toBe('Preview');
    plantMarker(cacheFile);
    editInPlace(path.join(root, 'preview.json'), 'Preview', 'Preveiw');
    expect((await cachedConfig(root, named)).siteName).toBe('Preveiw');
  });

  it('does not trust a settings file changed just before its check was recorded', async () => {
    const { root, env, cacheFile } = project('{"siteName": "Acme"}');
    await cachedConfig(root, env);
    const entry = JSON.parse(readFileSync(cacheFile, 'utf8')) as { recordedAt: number; config: { siteName: string } };
    entry.config.siteName = MARKER;
    writeFileSync(cacheFile, JSON.stringify(entry)); // recordedAt as written: the file is younger than the window before it
    expect((await cachedConfig(root, env)).siteName).toBe('Acme');
  });

  it('reports a bad setting with loadConfig’s message, even after good settings were cached', async () => {
    const { root, env, cacheFile } = project('{"contentDir": "records"}');
    await cachedConfig(root, env);
    plantMarker(cacheFile);
    editInPlace(path.join(root, CONFIG_FILE), '"records"', '"../recs"');
    const expected = (() => {
      try {
        loadConfig(root, env);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    })();
    expect(expected).toMatch(/^precedent\.config\.json:1:16: `contentDir`: expected a folder inside the project/);
    await expect(cachedConfig(root, env)).rejects.toThrow(expected);
    // A bad setting is never cached: it fails the same way every time.
    await expect(cachedConfig(root, env)).rejects.toThrow(expected);
    await expect(cachedConfig(root, { ...env, PRECEDENT_BASE: '../x' })).rejects.toThrow(/^PRECEDENT_BASE: expected a path/);
  });

  it('ignores a damaged cache entry, and works where the cache cannot be written', async () => {
    const { root, env, cacheFile } = project('{"siteName": "Acme"}');
    await cachedConfig(root, env);
    writeFileSync(cacheFile, '{"version": 1, "key": ');
    expect((await cachedConfig(root, env)).siteName).toBe('Acme');
    const blocked = path.join(root, 'not-a-folder');
    writeFileSync(blocked, '');
    chmodSync(blocked, 0o444);
    expect((await cachedConfig(root, { PRECEDENT_INDEX_CACHE: path.join(blocked, 'cache') })).siteName).toBe('Acme');
  });
});
