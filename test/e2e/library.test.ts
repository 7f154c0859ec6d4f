/**
 * The library page `/{lang}/`: every record newest first, filters that work
 * without a reload, write the query string, and come back on reload, Back
 * and a shared link.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot } from './setup/browser.ts';
import {
  CONNTRACK,
  LEARNINGSPACE,
  LICENSE,
  NDOTS,
  NEWEST_FIRST,
  OPENSSL,
  SCALE,
  TITLES,
  expectNoHorizontalScroll,
  url,
  visibleRecordIds,
  type Lang,
} from './support/library.ts';
import { useBrowserSession } from './support/session.ts';

/** Filter labels as a reader sees them, per UI language. */
const LABELS: Record<Lang, { kind: string; tag: string; year: string; text: string; reset: string }> = {
  zh: { kind: '类型', tag: '标签', year: '年份', text: '文本', reset: '清除筛选' },
  en: { kind: 'Kind', tag: 'Tag', year: 'Year', text: 'Text', reset: 'Reset filters' },
};

const session = useBrowserSession();
let page: Page;

async function open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
  ({ page } = await session.open(path, options));
  return page;
}

/** Marks the current document, to prove later that filtering did not reload it. */
async function markDocument(): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
}

async function expectSameDocument(): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
}

function query(): URLSearchParams {
  return new URL(page.url()).searchParams;
}

describe.each(['zh', 'en'] as const)('library /%s/', (lang) => {
  const labels = LABELS[lang];

  it('lists every fixture record, newest first, undated last, with their titles', async () => {
    await open(url(lang));
    expect(await visibleRecordIds(page)).toEqual([...NEWEST_FIRST]);
    for (const id of NEWEST_FIRST) {
      const link = page.locator(`main a[href$="/${lang}/records/${id}/"]`);
      await expect.poll(() => link.first().innerText()).toBe(TITLES[id]);
    }
  });

  it('filters by kind without reload, writes ?kind= and restores it on reload', async () => {
    await open(url(lang));
    await markDocument();
    await page.getByLabel(labels.kind, { exact: true }).selectOption('advisory');
    await expect.poll(() => visibleRecordIds(page)).toEqual([OPENSSL, LICENSE]);
    await expectSameDocument();
    expect(query().get('kind')).toBe('advisory');

    await page.reload();
    await expect.poll(() => visibleRecordIds(page)).toEqual([OPENSSL, LICENSE]);
    await expect.poll(() => page.getByLabel(labels.kind, { exact: true }).inputValue()).toBe('advisory');
  });

  it('filters by tag: `kubernetes` keeps the scale postmortem and the two Kubernetes known issues', async () => {
    await open(url(lang));
    await markDocument();
    await page.getByLabel(labels.tag, { exact: true }).selectOption('kubernetes');
    await expect.poll(() => visibleRecordIds(page)).toEqual([SCALE, CONNTRACK, NDOTS]);
    await expectSameDocument();
    expect(query().get('tag')).toBe('kubernetes');

    await page.reload();
    await expect.poll(() => visibleRecordIds(page)).toEqual([SCALE, CONNTRACK, NDOTS]);
    await expect.poll(() => page.getByLabel(labels.tag, { exact: true }).inputValue()).toBe('kubernetes');
  });

  it('filters by year: 2021 keeps only the Learningspace support case', async () => {
    await open(url(lang));
    await markDocument();
    await page.getByLabel(labels.year, { exact: true }).selectOption('2021');
    await expect.poll(() => visibleRecordIds(page)).toEqual([LEARNINGSPACE]);
    await expectSameDocument();
    expect(query().get('year')).toBe('2021');

    await page.reload();
    await expect.poll(() => visibleRecordIds(page)).toEqual([LEARNINGSPACE]);
  });

  it('filters by text as the reader types, in any case, and writes ?q=', async () => {
    await open(url(lang));
    await markDocument();
    const box = page.getByLabel(labels.text, { exact: true });
    await box.pressSequentially('Conntrack');
    await expect.poll(() => visibleRecordIds(page)).toEqual([CONNTRACK]);
    await expect.poll(() => query().get('q')).toBe('Conntrack');
    await expectSameDocument();

    // Chinese text from a record summary.
    await box.fill('');
    await box.pressSequentially('顶尖秤');
    await expect.poll(() => visibleRecordIds(page)).toEqual([SCALE]);
    await expect.poll(() => query().get('q')).toBe('顶尖秤');

    await page.reload();
    await expect.poll(() => visibleRecordIds(page)).toEqual([SCALE]);
    await expect.poll(() => box.inputValue()).toBe('顶尖秤');
  });

  it('combines filters, says when nothing matches, and resets to every record', async () => {
    await open(url(lang));
    await page.getByLabel(labels.kind, { exact: true }).selectOption('postmortem');
    await page.getByLabel(labels.year, { exact: true }).selectOption('2021');
    await expect.poll(() => visibleRecordIds(page)).toEqual([]);
    expect(query().get('kind')).toBe('postmortem');
    expect(query().get('year')).toBe('2021');
    await expect(page.locator('main').getByText(lang === 'zh' ? '没有符合筛选条件的记录。' : 'No record matches these filters.').isVisible()).resolves.toBe(true);

    await page.getByRole('button', { name: labels.reset }).click();
    await expect.poll(() => visibleRecordIds(page)).toEqual([...NEWEST_FIRST]);
    await expect.poll(() => page.url()).toBe(session.href(url(lang)));
  });

  it('opens a shared filtered link as filtered, and Back returns to the previous filter', async () => {
    await open(`${url(lang)}?tag=h3cloud`);
    await expect.poll(() => visibleRecordIds(page)).toEqual([LEARNINGSPACE, LICENSE]);
    await expect.poll(() => page.getByLabel(labels.tag, { exact: true }).inputValue()).toBe('h3cloud');

    await page.getByLabel(labels.kind, { exact: true }).selectOption('support-case');
    await expect.poll(() => visibleRecordIds(page)).toEqual([LEARNINGSPACE]);
    await page.goBack();
    await expect.poll(() => visibleRecordIds(page)).toEqual([LEARNINGSPACE, LICENSE]);
    await expect.poll(() => page.getByLabel(labels.kind, { exact: true }).inputValue()).toBe('');
  });

  it('shows the count of records shown', async () => {
    await open(url(lang));
    const total = NEWEST_FIRST.length;
    const all = lang === 'zh' ? `${total} 条记录` : `${total} records`;
    await expect.poll(() => page.locator('main').innerText()).toContain(all);
    // The two undated known issues.
    await page.getByLabel(labels.kind, { exact: true }).selectOption('known-issue');
    const two = lang === 'zh' ? `显示 2 / ${total} 条记录` : `Showing 2 of ${total} records`;
    await expect.poll(() => page.locator('main').innerText()).toContain(two);
  });

  it('opens a record from the list', async () => {
    await open(url(lang));
    await page.locator(`main a[href$="/${lang}/records/${SCALE}/"]`).first().click();
    await page.waitForURL(`**/${lang}/records/${SCALE}/`);
    await expect.poll(() => page.locator('h1').innerText()).toContain(TITLES[SCALE]);
  });

  it('takes screenshots (desktop and 375px phone) without horizontal scroll', async () => {
    await open(url(lang));
    await expectNoHorizontalScroll(page);
    await screenshot(page, `library-${lang}-desktop`);
    await open(url(lang), { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await expectNoHorizontalScroll(page);
    await screenshot(page, `library-${lang}-phone`);
  });
});
