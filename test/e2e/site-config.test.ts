/**
 * The site as a team configures it (`precedent.config.json`): the fixture
 * library built with a repository URL, a public site URL, a base path, a
 * site name and English as the default language has working edit links
 * (`<repo>/edit/<branch>/<path of the record file>`, a file that exists),
 * a canonical link and absolute hreflang links on every page. Built without
 * those settings it has none of them and no placeholder, and the build says
 * so; a bad setting stops the build with one line.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_ENV } from '../../src/config.ts';
import { listRecordFiles, loadRecords } from '../../src/records/load.ts';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';
import { launchBrowser, newPage } from './setup/browser.ts';
import { ROOT, buildSite, serveStatic, type SiteServer } from './setup/server.ts';

const ACME = {
  siteName: 'Acme Incidents',
  siteUrl: 'https://incidents.acme.example',
  base: '/kb/',
  repoUrl: 'https://github.com/acme/postmortems',
  branch: 'trunk',
};
const LANGS = ['zh', 'en'] as const;
const HREFLANG = { zh: 'zh-CN', en: 'en-GB' } as const;

/** The build's environment: the named settings file, and no `PRECEDENT_*` override from the shell. */
function settingsEnv(config: string): Record<string, string> {
  const env: Record<string, string> = { PRECEDENT_CONFIG: `test/fixtures/config/${config}/precedent.config.json` };
  for (const name of Object.values(CONFIG_ENV)) env[name] = '';
  env.PRECEDENT_CACHE_DIR = path.join(tmpdir(), `precedent-config-cache-${config}`);
  return env;
}

/** Builds the fixture library with a fixture settings file into a fresh folder; returns it and the build's output. */
function build(config: string): { dir: string; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `precedent-site-${config}-`));
  const output = buildSite({ outDir: dir, env: settingsEnv(config) });
  return { dir, output };
}

/** Every built HTML page below `dir`, as paths relative to it. */
function htmlPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** `href` of every `<link rel="…">` in the page, as [hreflang or '', href]. */
function linkTags(html: string, rel: string): [string, string][] {
  return [...html.matchAll(/<link\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => new RegExp(`\\brel="${rel}"`).test(tag))
    .map((tag) => [/\bhreflang="([^"]*)"/.exec(tag)?.[1] ?? '', /\bhref="([^"]*)"/.exec(tag)?.[1] ?? '']);
}

/** The anchors whose href starts with `prefix`. */
function anchorsTo(html: string, prefix: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((match) => match[1]!).filter((href) => href.startsWith(prefix));
}

describe('a site built with repoUrl, siteUrl, base, siteName and defaultLang', () => {
  let dir: string;
  const fileOf = new Map<string, string>();

  beforeAll(async () => {
    ({ dir } = build('acme'));
    for (const record of (await loadRecords(FIXTURE_LIBRARY)).records) fileOf.set(record.data.id, record.file);
    expect(fileOf.size).toBe((await listRecordFiles(FIXTURE_LIBRARY)).length);
  });

  it('links every record page to the edit page of its own file on the configured branch', () => {
    for (const lang of LANGS) {
      for (const [id, file] of fileOf) {
        const html = readFileSync(path.join(dir, lang, 'records', id, 'index.html'), 'utf8');
        const relative = path.relative(ROOT, path.resolve(file)).split(path.sep).join('/');
        expect(existsSync(path.join(ROOT, relative)), relative).toBe(true);
        expect(anchorsTo(html, `${ACME.repoUrl}/edit/`), `${lang} ${id}`).toEqual([`${ACME.repoUrl}/edit/${ACME.branch}/${relative}`]);
        expect(anchorsTo(html, `${ACME.repoUrl}/raw/`)).toEqual([`${ACME.repoUrl}/raw/${ACME.branch}/${relative}`]);
      }
    }
  });

  it('gives every page of both languages a canonical link and absolute hreflang links, base included', () => {
    const all = htmlPages(dir).filter((page) => /^(zh|en)\//.test(page));
    // A language's 404 (`en/404.html`) is no address of its own: nothing to name canonical or alternate.
    const notFound = all.filter((page) => page.endsWith('/404.html'));
    expect(notFound.sort()).toEqual(['en/404.html', 'zh/404.html']);
    for (const page of notFound) expect(linkTags(readFileSync(path.join(dir, page), 'utf8'), 'canonical'), page).toEqual([]);
    const pages = all.filter((page) => !notFound.includes(page));
    expect(pages.length).toBeGreaterThan(fileOf.size * 2);
    for (const page of pages) {
      const html = readFileSync(path.join(dir, page), 'utf8');
      const lang = page.slice(0, 2) as 'zh' | 'en';
      const other = lang === 'zh' ? 'en' : 'zh';
      // URLs carry each path segment percent-encoded (tag pages of Chinese tags).
      const pagePath = `${ACME.base}${page.replace(/index\.html$/, '')}`.split('/').map(encodeURIComponent).join('/');
      expect(linkTags(html, 'canonical'), page).toEqual([['', `${ACME.siteUrl}${pagePath}`]]);
      const alternates = linkTags(html, 'alternate');
      expect(alternates, page).toEqual([
        [HREFLANG[lang], `${ACME.siteUrl}${pagePath}`],
        [HREFLANG[other], `${ACME.siteUrl}${pagePath.replace(`${ACME.base}${lang}/`, `${ACME.base}${other}/`)}`],
        // English is this site's default language.
        ['x-default', `${ACME.siteUrl}${pagePath.replace(`${ACME.base}${lang}/`, `${ACME.base}en/`)}`],
      ]);
    }
  });

  it('names the site in every title; / links both libraries under the base and names the configured default language canonical', () => {
    for (const lang of LANGS) expect(readFileSync(path.join(dir, lang, 'index.html'), 'utf8')).toMatch(new RegExp(`<title>[^<]* · ${ACME.siteName}</title>`));
    const root = readFileSync(path.join(dir, 'index.html'), 'utf8');
    // No meta refresh: it would send every reader to one language, whatever the browser's (the page's script chooses).
    expect(root).not.toContain('http-equiv="refresh"');
    for (const lang of LANGS) expect(root).toContain(`href="${ACME.base}${lang}/"`);
    expect(linkTags(root, 'canonical')).toEqual([['', `${ACME.siteUrl}${ACME.base}en/`]]);
  });

  describe('in a browser', () => {
    let browser: Browser;
    let site: SiteServer;
    beforeAll(async () => {
      browser = await launchBrowser();
      site = await serveStatic(dir, { base: ACME.base });
    });
    afterAll(async () => {
      await site?.close();
      await browser?.close();
    });

    it('the record page offers "Edit this record" pointing at the record file, and the footer the repository', async () => {
      const { page, report, close } = await newPage(browser);
      try {
        await page.goto(new URL(`en/records/${FIXTURE.ndots}/`, site.url).href);
        const edit = page.getByRole('link', { name: 'Edit this record' });
        const relative = path.relative(ROOT, path.resolve(fileOf.get(FIXTURE.ndots)!)).split(path.sep).join('/');
        expect(await edit.getAttribute('href')).toBe(`${ACME.repoUrl}/edit/${ACME.branch}/${relative}`);
        expect(await page.locator('footer').getByRole('link', { name: 'github.com/acme/postmortems' }).getAttribute('href')).toBe(ACME.repoUrl);
        expect(await page.locator('header .site-name').innerText()).toContain(ACME.siteName);
        expect(report.errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it('the root 404 under the base speaks the language of the address, not the browser', async () => {
      const { page, report, close } = await newPage(browser, { locale: 'en-US' });
      try {
        const response = await page.goto(new URL('zh/missing', site.url).href);
        expect(response?.status()).toBe(404);
        expect(await page.locator('html').getAttribute('lang')).toBe(HREFLANG.zh);
        expect(await page.locator('h1').innerText()).toBe('页面不存在');
        expect(await page.locator('#site-search-form').evaluate((f) => new URL((f as HTMLFormElement).action).pathname)).toBe(`${ACME.base}zh/match/`);
        expect(report.errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
      } finally {
        await close();
      }
    });
  });
});

describe('a site built without repoUrl and siteUrl', () => {
  let dir: string;
  let output: string;
  beforeAll(() => {
    ({ dir, output } = build('bare'));
  });

  it('warns that it goes without canonical and edit links', () => {
    expect(output).toContain('no `siteUrl` in precedent.config.json (or PRECEDENT_SITE_URL): pages have no canonical link');
    expect(output).toContain('no `repoUrl` in precedent.config.json (or PRECEDENT_REPO_URL): record pages have no "edit this record" or raw-file links');
  });

  it('has no edit link, no repository link and no canonical on any page: nothing points at a placeholder', () => {
    for (const page of htmlPages(dir)) {
      const html = readFileSync(path.join(dir, page), 'utf8');
      expect(html, page).not.toMatch(/>(Edit this record|Raw Markdown)</);
      expect(html, page).not.toMatch(/\/edit\/main\//);
      expect(linkTags(html, 'canonical'), page).toEqual([]);
      for (const [, href] of linkTags(html, 'alternate')) expect(href, page).toMatch(/^\//);
    }
    expect(readFileSync(path.join(dir, 'en', 'records', FIXTURE.ndots, 'index.html'), 'utf8')).toContain('pod-dns-ndots-slow-lookups.md');
  });
});

describe('a site built with a bad setting', () => {
  it('stops with one line naming the file, line, column and field, and no stack trace', () => {
    let message = '';
    try {
      build('bad');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain(
      'precedent: test/fixtures/config/bad/precedent.config.json:3:14: `siteUrl`: expected an absolute http(s) URL such as `https://incidents.example.org`, got "incidents.acme.example"',
    );
    expect(message).not.toMatch(/^\s+at /m);
  });
});
