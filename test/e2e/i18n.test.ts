/**
 * The UI speaks zh and en. Switching language keeps the reader on the same
 * page (record, tag, category, library), changes the UI strings and the
 * document language, and leaves the record's own text exactly as written.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRecords, type LoadedRecord } from '../../src/records/load.ts';
import { FIXTURE, FIXTURE_LIBRARY } from '../support/fixture-library.ts';
import { NEWEST_FIRST, TITLES, url, type Lang } from './support/library.ts';
import { useBrowserSession } from './support/session.ts';

/** `html[lang]`, the switcher's link text, and UI words on a record page, per language. */
const UI: Record<Lang, { htmlLang: string; switchTo: string; nav: string[]; headings: string[] }> = {
  zh: { htmlLang: 'zh-CN', switchTo: '中文', nav: ['记录库', '症状匹配', '根因分类', '改进项', '趋势'], headings: ['摘要', '根因', '症状'] },
  en: { htmlLang: 'en-GB', switchTo: 'English', nav: ['Library', 'Matcher', 'Categories', 'Follow-ups', 'Insights'], headings: ['Summary', 'Root cause', 'Symptoms'] },
};
const OTHER: Record<Lang, Lang> = { zh: 'en', en: 'zh' };

const session = useBrowserSession();
let page: Page;
const records = new Map<string, LoadedRecord>();

beforeAll(async () => {
  for (const record of (await loadRecords(FIXTURE_LIBRARY)).records) records.set(record.data.id, record);
});

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  ({ page } = await session.open(path, options));
  return page;
}

/** Clicks the header's language switcher (the link named after the other language). */
async function switchLanguage(to: Lang): Promise<void> {
  await page.locator('header').getByRole('link', { name: UI[to].switchTo, exact: true }).click();
  await page.waitForLoadState('load');
}

function pathname(): string {
  return new URL(page.url()).pathname;
}

/** Text of the record's own content (what the author wrote, marked with its `language`), read from the page: headings and related records excluded. */
async function recordText(language: string): Promise<string> {
  return page.locator(`main [lang="${language}"]`).evaluateAll(
    (nodes, language) =>
      nodes
        // Related records are other records' text, which may show another title per UI language.
        // Text with an English version (summaryEn) is shown in English on the English UI.
        .filter((node) => !node.parentElement?.closest(`[lang="${language}"]`) && !node.closest('.related-records') && !node.closest('[data-has-en]'))
        .map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim())
        .join('\n'),
    language,
  );
}

async function navTexts(): Promise<string[]> {
  return page.locator('header nav a').allInnerTexts();
}

describe.each(['zh', 'en'] as const)('switching from /%s/', (from) => {
  const to = OTHER[from];

  it.each(NEWEST_FIRST)(`on record %s lands on the same record, UI strings changed, record text unchanged`, async (id) => {
    await open(url(from, 'records', id));
    expect(await page.locator('html').getAttribute('lang')).toBe(UI[from].htmlLang);
    const { language } = records.get(id)!.data;
    const before = await recordText(language);
    expect(before).toContain(TITLES[id]);
    // The summary is in the record's language, or in English on the English UI where the record has one.
    const { summary, summaryEn } = records.get(id)!.data;
    const shown = from === 'en' && summaryEn ? summaryEn : summary;
    expect((await page.locator('main').innerText()).replace(/\s+/g, ' ')).toContain(shown.replace(/\s+/g, ' '));

    await switchLanguage(to);
    expect(pathname()).toBe(url(to, 'records', id));
    expect(await page.locator('html').getAttribute('lang')).toBe(UI[to].htmlLang);
    expect(await navTexts()).toEqual(UI[to].nav);
    const headings = (await page.locator('main h2').allTextContents()).map((h) => h.trim());
    for (const heading of UI[to].headings) expect(headings).toContain(heading);
    for (const heading of UI[from].headings) expect(headings).not.toContain(heading);
    expect(await page.locator('h1').innerText()).toContain(TITLES[id]);
    expect(await recordText(language)).toBe(before);
  });

  it('on the library lands on the other library', async () => {
    await open(`${url(from)}?tag=h3cloud`);
    await switchLanguage(to);
    expect(pathname()).toBe(url(to));
    expect(await navTexts()).toEqual(UI[to].nav);
  });

  it('on a tag page lands on the same tag', async () => {
    await open(url(from, 'tags', 'conntrack'));
    await switchLanguage(to);
    expect(pathname()).toBe(url(to, 'tags', 'conntrack'));
  });

  it('on a category page lands on the same category', async () => {
    await open(url(from, 'categories', 'network'));
    await switchLanguage(to);
    expect(pathname()).toBe(url(to, 'categories', 'network'));
  });
});

describe('language links', () => {
  it.each(NEWEST_FIRST)('record page %s declares its other-language version with hreflang, in both languages', async (id) => {
    for (const lang of ['zh', 'en'] as const) {
      await open(url(lang, 'records', id));
      const alternates = await page
        .locator('head link[rel="alternate"][hreflang]')
        .evaluateAll((links) => links.map((l) => [l.getAttribute('hreflang'), new URL((l as HTMLLinkElement).href).pathname]));
      expect(alternates).toContainEqual([UI[OTHER[lang]].htmlLang, url(OTHER[lang], 'records', id)]);
    }
  });

  it('the site root offers both libraries without JavaScript and stays put', async () => {
    await open('/', { javaScriptEnabled: false });
    expect(new URL(page.url()).pathname).toBe('/');
    const links = await page.locator('main a[hreflang]').evaluateAll((nodes) => nodes.map((a) => [a.getAttribute('hreflang'), a.getAttribute('href'), a.closest('[lang]')?.getAttribute('lang')]));
    expect(links).toEqual([
      [UI.zh.htmlLang, '/zh/', UI.zh.htmlLang],
      [UI.en.htmlLang, '/en/', UI.en.htmlLang],
    ]);
  });

  it.each([
    ['zh-CN', 'zh'],
    ['en-US', 'en'],
    ['fr-FR', 'zh'],
  ] as const)('the site root sends a %s browser to /%s/', async (locale, lang) => {
    await open('/', { locale });
    await page.waitForURL(`**/${lang}/`);
  });

  it('the site root remembers an explicit choice over the browser languages', async () => {
    await open(url('zh'), { locale: 'zh-CN' });
    await page.click('.lang-switch a');
    await page.waitForURL('**/en/');
    await page.goto(session.href('/'));
    await page.waitForURL('**/en/');
    expect(new URL(page.url()).pathname).toBe('/en/');
  });

  it('dates and durations follow the UI language, times stay in the record zone', async () => {
    await open(url('en', 'records', FIXTURE.scale));
    const en = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(en).toContain('31 Jul 2024');
    expect(en).toContain('3 h 8 min later');
    expect(en).toContain('07:38 UTC+08:00');
    await open(url('zh', 'records', FIXTURE.scale));
    const zh = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(zh).toContain('2024年7月31日');
    expect(zh).toContain('3 小时 8 分钟 后');
    expect(zh).toContain('07:38 UTC+08:00');
  });
});
