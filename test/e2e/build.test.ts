/**
 * `astro build` writes every page a reader or a static host needs: the
 * library, the four record pages, tag and category pages in both UI
 * languages, the matcher index and the 404 page. Checked as files in `dist/`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureBuilt } from './setup/server.ts';
import { docChunkFile, keyChunkFile, type Directory } from '../../src/matcher/bundle-format.ts';

const LANGS = ['zh', 'en'] as const;

/** The ids of the four records in content/incidents. */
const RECORD_IDS = [
  'scale-price-push-failure-266-calico-nat',
  'learningspace-homework-distribution-ovs-drop',
  'h3cloud-os-license-server-port-5555-connections',
  'k8s-conntrack-timeout-long-connection-reset',
];

/** A few tags and every root-cause category the records use. */
const TAGS = ['h3cloud', 'conntrack', 'calico', 'udp', 'kubernetes', 'long-lived-connection'];
const CATEGORIES = ['configuration', 'software-bug', 'network'];

/** The text of a built page, e.g. `page('en', 'tags', 'udp')`. */
function page(...segments: string[]): string {
  return readFileSync(path.join(DIST, ...segments, 'index.html'), 'utf8');
}

beforeAll(() => {
  ensureBuilt();
});

describe('astro build', () => {
  it('writes the library in both languages, listing all four records', () => {
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
    expect(page('zh', 'records', 'scale-price-push-failure-266-calico-nat')).toContain('门店下秤（顶尖秤）失败');
    expect(page('en', 'records', 'h3cloud-os-license-server-port-5555-connections')).toContain('E1136H04');
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
      // `kubernetes` is on the conntrack known issue and the scale postmortem, not on the H3Cloud records.
      const kubernetes = page(lang, 'tags', 'kubernetes');
      expect(kubernetes).toContain(`/${lang}/records/k8s-conntrack-timeout-long-connection-reset/`);
      expect(kubernetes).toContain(`/${lang}/records/scale-price-push-failure-266-calico-nat/`);
      expect(kubernetes).not.toContain(`/${lang}/records/h3cloud-os-license-server-port-5555-connections/`);
      expect(kubernetes).not.toContain(`/${lang}/records/learningspace-homework-distribution-ovs-drop/`);
    }
  });

  it('writes a page per root-cause category in use, and the categories overview', () => {
    for (const lang of LANGS) {
      for (const category of CATEGORIES) {
        expect(existsSync(path.join(DIST, lang, 'categories', category, 'index.html')), `${lang}/categories/${category}`).toBe(true);
      }
      expect(existsSync(path.join(DIST, lang, 'categories', 'index.html'))).toBe(true);
      const network = page(lang, 'categories', 'network');
      expect(network).toContain(`/${lang}/records/k8s-conntrack-timeout-long-connection-reset/`);
      expect(network).toContain(`/${lang}/records/scale-price-push-failure-266-calico-nat/`);
      expect(network).not.toContain(`/${lang}/records/learningspace-homework-distribution-ovs-drop/`);
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
});
