/** The CLI's index cache: built once, reused while nothing changes, rebuilt when a record does. */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentKey, defaultCacheRoot, libraryCacheDir, openIndex, quickStat, statFolder } from '../../src/index-cache/index.ts';
import { PROBLEMS_FILE, STATE_FILE, STATE_VERSION } from '../../src/index-cache/bundle-store.ts';
import { FIXTURE, FIXTURE_LIBRARY, FIXTURE_SIGNATURES } from '../support/fixture-library.ts';

let work: string;
let library: string;
let cacheRoot: string;

beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'precedent-index-cache-'));
  library = path.join(work, 'library');
  cacheRoot = path.join(work, 'cache');
  cpSync(FIXTURE_LIBRARY, library, { recursive: true });
  // Older than the racy window, as a checkout is by the time anyone queries it.
  const past = new Date(Date.now() - 60_000);
  for (const name of readdirSync(library)) utimesSync(path.join(library, name), past, past);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const open = () => openIndex({ dir: library, cacheRoot });

describe('openIndex', { timeout: 60_000 }, () => {
  it('builds on the first call, answers from the cache on the next, with the same results', async () => {
    const phases: string[] = [];
    const first = await openIndex({ dir: library, cacheRoot, onProgress: (phase) => phases.push(phase) });
    expect(first.built).toBe(true);
    expect(new Set(phases)).toEqual(new Set(['reading', 'preparing', 'indexing', 'writing']));
    const second = await open();
    expect(second.built).toBe(false);
    expect(second.key).toBe(first.key);
    for (const [id, query] of Object.entries(FIXTURE_SIGNATURES)) {
      const fresh = first.matcher.search(query, { limit: 3 });
      const cached = await second.matcher.searchAll(query, { limit: 3 });
      expect(cached).toEqual(fresh);
      expect(cached[0]?.id).toBe(id);
    }
  });

  it('rebuilds when a record changes, and keeps the key when a file is only touched', async () => {
    const first = await open();
    const file = path.join(library, '2024-07-31-scale-price-push-failure-266-calico-nat.md');
    const now = new Date();
    utimesSync(file, now, now);
    const touched = await open();
    expect([touched.built, touched.key]).toEqual([false, first.key]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 门店下秤', 'title: 门店下秤 zzqxedit'));
    const edited = await open();
    expect(edited.built).toBe(true);
    expect(edited.key).not.toBe(first.key);
    expect(edited.matcher.search('zzqxedit')[0]?.id).toBe(FIXTURE.scale);
  });

  it('sees a record rewritten in place: same size, same folder time, even with its own time set back', async () => {
    const first = await open();
    const file = path.join(library, '2024-07-31-scale-price-push-failure-266-calico-nat.md');
    const folderBefore = statSync(library).mtimeMs;
    const before = statSync(file);
    // An editor saving over the file: the folder's listing (and so its time) does not change.
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 门店下秤', 'title: 门店上秤'));
    expect([statSync(file).size, statSync(file).ino, statSync(library).mtimeMs]).toEqual([before.size, before.ino, folderBefore]);
    const edited = await open();
    expect(edited.built).toBe(true);
    expect(edited.matcher.search('门店上秤')[0]?.id).toBe(FIXTURE.scale);
    // Edited again and its modification time put back (rsync -t, tar, `touch -r`): only the change time tells.
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 门店上秤', 'title: 门店中秤'));
    utimesSync(file, before.atime, before.mtime);
    expect([statSync(file).size, statSync(file).mtimeMs, statSync(library).mtimeMs]).toEqual([before.size, before.mtimeMs, folderBefore]);
    const restored = await open();
    expect(restored.built).toBe(true);
    expect(restored.key).not.toBe(edited.key);
    expect(restored.matcher.search('门店中秤')[0]?.id).toBe(FIXTURE.scale);
  });

  it('rebuilds when a record is added or removed, and keeps one index per library', async () => {
    const first = await open();
    rmSync(path.join(library, 'pod-dns-ndots-slow-lookups.md'));
    const removed = await open();
    expect(removed.built).toBe(true);
    expect(removed.matcher.size).toBe(first.matcher.size - 1);
    const libDir = libraryCacheDir(cacheRoot, library);
    expect(readdirSync(libDir).filter((name) => /^[0-9a-f]{32}$/.test(name))).toEqual([removed.key]);
  });

  it('reports unreadable records again when answering from the cache', async () => {
    writeFileSync(path.join(library, 'broken.md'), '---\nid: broken\nkind: nonsense\n---\n');
    const first = await open();
    const second = await open();
    expect(second.built).toBe(false);
    expect(second.problems).toEqual(first.problems);
    // One positioned problem per fault (a wrong kind, each missing field), all in the broken file.
    expect([...new Set(second.problems.map((p) => path.basename(p.file)))]).toEqual(['broken.md']);
    expect(second.problems[0]!.message).toMatch(/^\d+:\d+: error: /);
  });

  it('rebuilds a damaged cache entry instead of failing', async () => {
    const first = await open();
    writeFileSync(path.join(first.cacheDir, 'manifest.json'), '{"version": 1, "cor');
    const second = await open();
    expect(second.built).toBe(true);
    expect(second.matcher.search(FIXTURE_SIGNATURES[FIXTURE.scale])[0]?.id).toBe(FIXTURE.scale);
    const third = await open();
    expect(third.built).toBe(false);
    expect((await third.matcher.searchAll(FIXTURE_SIGNATURES[FIXTURE.scale]))[0]?.id).toBe(FIXTURE.scale);
  });

  it('ignores and rebuilds a cache written by an older version', async () => {
    writeFileSync(path.join(library, 'broken.md'), '---\nid: broken\nkind: nonsense\n---\n');
    const first = await open();
    // What version 1 left: its state naming its own key folder, problems without their place.
    const libDir = libraryCacheDir(cacheRoot, library);
    const state = JSON.parse(readFileSync(path.join(libDir, STATE_FILE), 'utf8')) as { version: number; key: string };
    const oldKey = '0'.repeat(32);
    renameSync(first.cacheDir, path.join(libDir, oldKey));
    writeFileSync(path.join(libDir, oldKey, PROBLEMS_FILE), JSON.stringify(first.problems.map((p) => ({ file: p.file, message: 'unpositioned' }))));
    writeFileSync(path.join(libDir, STATE_FILE), JSON.stringify({ ...state, version: STATE_VERSION - 1, key: oldKey }));
    const second = await open();
    expect(second.built).toBe(true);
    expect(second.problems).toEqual(first.problems);
    const third = await open();
    expect(third.built).toBe(false);
    expect(third.problems).toEqual(first.problems);
  });

  it('rebuilds on request', async () => {
    await open();
    expect((await openIndex({ dir: library, cacheRoot, rebuild: true })).built).toBe(true);
  });
});

describe('fingerprint', { timeout: 60_000 }, () => {
  it('re-reads only files whose metadata changed', () => {
    const before = statFolder(library);
    const { key, rehashed } = contentKey(library, before, [], 0);
    expect(rehashed).toBe(before.files.length);
    const again = statFolder(library);
    expect(again.statKey).toBe(before.statKey);
    const reused = contentKey(library, again, before.files, Date.now());
    expect(reused).toEqual({ key, rehashed: 0 });
  });

  it('gives the quick stat key of the full listing, and changes it with any file\'s name, size, time or presence', () => {
    const listed = statFolder(library);
    expect(quickStat(library)).toEqual({ statKey: listed.statKey, newestMs: listed.newestMs });
    expect(listed.files.map((f) => f.file)).toEqual(listed.files.map((f) => f.file).sort());
    const keys = new Set([listed.statKey]);
    const [first, second] = listed.files;
    const file = path.join(library, first!.file);
    // Times one millisecond apart, a byte more, a rename, a new file, a file in a subfolder.
    utimesSync(file, new Date(first!.mtimeMs - 60_001), new Date(first!.mtimeMs + 1));
    keys.add(quickStat(library).statKey);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
    keys.add(quickStat(library).statKey);
    renameSync(file, `${file}.bak`);
    keys.add(quickStat(library).statKey);
    writeFileSync(path.join(library, 'new.md'), '');
    keys.add(quickStat(library).statKey);
    mkdirSync(path.join(library, 'sub'));
    writeFileSync(path.join(library, 'sub', second!.file), '');
    keys.add(quickStat(library).statKey);
    expect(keys.size).toBe(6);
    expect(quickStat(library).statKey).toBe(statFolder(library).statKey);
  });

  it('re-reads a file modified within the racy window of the recorded listing', () => {
    const before = statFolder(library);
    contentKey(library, before, [], 0);
    const recordedAt = Math.max(...before.files.map((f) => f.mtimeMs)) + 1;
    expect(contentKey(library, statFolder(library), before.files, recordedAt).rehashed).toBe(before.files.length);
  });

  it('puts the cache under node_modules/.cache of the project, or $PRECEDENT_INDEX_CACHE', () => {
    expect(defaultCacheRoot('content/incidents', {})).toBe(path.resolve('node_modules/.cache/precedent'));
    expect(defaultCacheRoot('content/incidents', { PRECEDENT_INDEX_CACHE: '/tmp/x' })).toBe('/tmp/x');
  });
});
