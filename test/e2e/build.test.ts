/**
 * `astro build` writes every page a reader or a static host needs: the
 * library, a page per record, tag and category pages in both UI languages,
 * the matcher index and the 404 page. Checked as files in a build of the
 * fixture library (`test-output/site/`; tests never write `dist/`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, FIXTURE_NEWEST_FIRST } from '../support/fixture-library.ts';
import { FIXTURE_SITE as DIST, buildSite, ensureBuilt } from './setup/server.ts';
import { docChunkFile, keyChunkFile, type Directory } from '../../src/matcher/bundle-format.ts';

const LANGS = ['zh', 'en'] as const;

/** The ids of the fixture records. */
const RECORD_IDS = FIXTURE_NEWEST_FIRST;

/** A few tags (one in Chinese) and every root-cause category the records use. */
const TAGS = ['h3cloud', 'conntrack', 'calico', 'udp', 'kubernetes', 'long-lived-connection', 'postgres', '容量'];
const CATEGORIES = ['configuration', 'software-bug', 'network', 'capacity', 'dependency'];

/** The text of a built page, e.g. `page('en', 'tags', 'udp')`. */
function page(...segments: string[]): string {
  return readFileSync(path.join(DIST, ...segments, 'index.html'), 'utf8');
}

beforeAll(() => {
  ensureBuilt();
});

describe('astro build', () => {
  it('writes the library in both languages, listing every record', () => {
    for (const lang of LANGS) {
      const html = page(lang);
      for (const id of RECORD_IDS) expect(html, `${lang} library links ${id}`).toContain(`/${lang}/records/${id}/`);
    }
  });

  it('writes one page per record and language, with that record in it', () => {
    for (const lang of LANGS) {
      for (const id of RECORD_IDS) {
        const file = path.join(DIST, lang, 'records', id, 'index.html');
        expect(existsSync(file), file).toBe(true);
      }
    }
    expect(page('zh', 'records', FIXTURE.scale)).toContain('门店下秤（顶尖秤）失败');
    expect(page('en', 'records', FIXTURE.license)).toContain('E1136H04');
    expect(page('zh', 'records', FIXTURE.checkout)).toContain('sorry, too many clients already');
  });

  it('writes no record page for an id that does not exist', () => {
    const ids = readdirSync(path.join(DIST, 'en', 'records'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(ids).toEqual([...RECORD_IDS].sort());
  });

  it('writes a page per tag, listing the records with that tag', () => {
    for (const lang of LANGS) {
      for (const tag of TAGS) expect(existsSync(path.join(DIST, lang, 'tags', tag, 'index.html')), `${lang}/tags/${tag}`).toBe(true);
      // `kubernetes` is on the two Kubernetes known issues and the scale postmortem, not on the H3Cloud records.
      const kubernetes = page(lang, 'tags', 'kubernetes');
      for (const id of [FIXTURE.conntrack, FIXTURE.scale, FIXTURE.ndots]) expect(kubernetes).toContain(`/${lang}/records/${id}/`);
      for (const id of [FIXTURE.license, FIXTURE.learningspace]) expect(kubernetes).not.toContain(`/${lang}/records/${id}/`);
    }
  });

  it('writes a page per root-cause category in use, and the categories overview', () => {
    for (const lang of LANGS) {
      for (const category of CATEGORIES) {
        expect(existsSync(path.join(DIST, lang, 'categories', category, 'index.html')), `${lang}/categories/${category}`).toBe(true);
      }
      expect(existsSync(path.join(DIST, lang, 'categories', 'index.html'))).toBe(true);
      const network = page(lang, 'categories', 'network');
      expect(network).toContain(`/${lang}/records/${FIXTURE.conntrack}/`);
      expect(network).toContain(`/${lang}/records/${FIXTURE.scale}/`);
      expect(network).not.toContain(`/${lang}/records/${FIXTURE.learningspace}/`);
    }
  });

  it('writes the matcher index: a manifest and every file it lists', () => {
    const manifestFile = path.join(DIST, 'matcher', 'manifest.json');
    expect(existsSync(manifestFile)).toBe(true);
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Directory;
    const listed = [...manifest.keyHashes.map(keyChunkFile), ...manifest.docHashes.map(docChunkFile)];
    expect(listed.length).toBeGreaterThan(0);
    expect(readdirSync(path.join(DIST, 'matcher')).sort()).toEqual(['manifest.json', ...listed].sort());
    for (const name of new Set(listed)) {
      const file = path.join(DIST, 'matcher', name);
      expect(existsSync(file), `matcher file ${name} listed in the manifest`).toBe(true);
      expect(() => JSON.parse(readFileSync(file, 'utf8')), name).not.toThrow();
    }
    // The index knows every record.
    const all = readdirSync(path.join(DIST, 'matcher')).map((name) => readFileSync(path.join(DIST, 'matcher', name), 'utf8')).join('\n');
    for (const id of RECORD_IDS) expect(all, `matcher index mentions ${id}`).toContain(id);
  });

  it('writes a 404 page that leads back to both libraries', () => {
    const file = path.join(DIST, '404.html');
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/href="\/(zh|en)\/"/);
  });

  it('writes the language entry page at the root', () => {
    const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
    expect(html).toContain('href="/zh/"');
    expect(html).toContain('href="/en/"');
  });

  it('never writes dist/, which a running `npm start` serves', () => {
    expect(() => buildSite({ outDir: 'dist' })).toThrow('Test builds never write dist/');
  });
});
