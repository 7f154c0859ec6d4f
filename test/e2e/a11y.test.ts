/**
 * Accessibility and robustness a responder relies on: the skip link, a
 * phone-width layout without sideways scrolling, pages that read fine with
 * JavaScript off, and no serious or critical axe-core violations.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './setup/browser.ts';
import { NEWEST_FIRST, SCALE, TITLES, expectNoHorizontalScroll, url, visibleRecordIds, type Lang } from './support/library.ts';
import { axeViolations } from './support/axe.ts';
import { useBrowserSession } from './support/session.ts';

/** Every kind of page the site builds, per language. */
function pages(lang: Lang): string[] {
  return [
    url(lang),
    ...NEWEST_FIRST.map((id) => url(lang, 'records', id)),
    url(lang, 'tags'),
    url(lang, 'tags', 'h3cloud'),
    url(lang, 'categories'),
    url(lang, 'categories', 'network'),
    url(lang, 'match'),
    `${url(lang, 'match')}?q=${encodeURIComponent('udp 5002')}`,
  ];
}
const ALL_PAGES = [...pages('zh'), ...pages('en')];

const SKIP_LINK: Record<Lang, string> = { zh: '跳到正文', en: 'Skip to content' };

const session = useBrowserSession();
let page: Page;

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  let response;
  // networkidle: the matcher page fetches its index and renders results after load.
  ({ page, response } = await session.open(path, options, 'networkidle'));
  if (response?.status() === 404) session.forgive(/status of 404/);
  return page;
}

describe('skip link', () => {
  it.each([
    ['zh', url('zh')],
    ['en', url('en', 'records', SCALE)],
  ] as const)('is the first Tab stop on /%s/ pages, becomes visible, and moves focus to main', async (lang, path) => {
    await open(path);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      return {
        text: element.textContent?.trim(),
        href: element.getAttribute('href'),
        onScreen: box.width > 1 && box.height > 1 && box.top >= 0 && box.left >= 0 && box.top < window.innerHeight,
      };
    });
    expect(focused).toEqual({ text: SKIP_LINK[lang], href: '#main', onScreen: true });

    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main')?.id)).toBe('main');
    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });
});

describe('phone width 375px', () => {
  it.each(ALL_PAGES)('%s has no horizontal page scroll', async (path) => {
    await open(path, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await expectNoHorizontalScroll(page);
  });

  it('the 404 page has no horizontal page scroll', async () => {
    await open('/en/no-such-page/', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await expectNoHorizontalScroll(page);
  });
});

describe('JavaScript disabled', () => {
  const noScript = { javaScriptEnabled: false } as const;

  it.each(['zh', 'en'] as const)('/%s/ lists all four records, newest first, and hides the filters it cannot run', async (lang) => {
    await open(url(lang), noScript);
    expect(await visibleRecordIds(page)).toEqual([...NEWEST_FIRST]);
    // Filters need the script: a reader must not be offered controls that do nothing.
    expect(await page.locator('main select:visible').count()).toBe(0);
    await expectNoHorizontalScroll(page);
    await screenshot(page, `library-${lang}-nojs`);
  });

  it.each(NEWEST_FIRST)('record %s reads fully: title, facts, sections and code blocks', async (id) => {
    await open(url('en', 'records', id), noScript);
    expect(await page.locator('h1').innerText()).toContain(TITLES[id]);
    const headings = (await page.locator('main h2:visible').allInnerTexts()).map((h) => h.trim().toLowerCase());
    expect(headings).toEqual(expect.arrayContaining(['summary', 'root cause', 'symptoms']));
    const pre = page.locator('main pre');
    if ((await pre.count()) > 0) expect(await pre.first().isVisible()).toBe(true);
    // Buttons that need the script (copy) must not be shown as if they worked.
    const deadButtons = await page.locator('main button:visible').count();
    expect(deadButtons, 'visible buttons on a page without JavaScript').toBe(0);
    await expectNoHorizontalScroll(page);
  });

  it('the 003 record at phone width without JavaScript still has no horizontal scroll', async () => {
    await open(url('zh', 'records', SCALE), { ...noScript, viewport: { width: 375, height: 812 }, isMobile: true });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'record-003-zh-phone-nojs');
  });

  it('the header search still submits to the matcher page without JavaScript', async () => {
    await open(url('en'), noScript);
    const search = page.locator('header').getByRole('searchbox');
    await search.fill('udp 5002');
    await search.press('Enter');
    await page.waitForURL('**/en/match/?q=udp+5002');
  });
});

describe('axe-core', () => {
  it.each([...ALL_PAGES, '/zh/no-such-page/'])('%s has no serious or critical violations', async (path) => {
    await open(path);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });

  it.each(ALL_PAGES)('%s has exactly one h1 and a main landmark', async (path) => {
    await open(path);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
  });
});
