/**
 * The paged library: a library larger than one page (the fixture library
 * plus 250 synthetic records, built under test-output/) is listed 100
 * records a page with newer/older links, and the filters on any page run
 * over every record (library.json), 100 matches at a time.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './setup/browser.ts';
import { buildSite, ROOT, serveStatic, TEST_OUTPUT, type SiteServer } from './setup/server.ts';
import { visibleRecordIds } from './support/library.ts';
import { synthRecordFiles } from '../../scripts/lib/synth-follow-library.ts';
import { FIXTURE_LIBRARY, FIXTURE_NEWEST_FIRST } from '../support/fixture-library.ts';

const SYNTH_COUNT = 250;
/** Records per page, as src/site/library.ts sets it. */
const PAGE = 100;

let work: string;
let site: SiteServer;
let browser: Browser;
let total: number;
const pages: { close: () => Promise<void>; errors: string[] }[] = [];

async function open(pathname: string, options: BrowserContextOptions = {}): Promise<Page> {
  const opened = await newPage(browser, options);
  pages.push({ close: opened.close, errors: opened.report.errors });
  await opened.page.goto(new URL(pathname, site.url).href);
  return opened.page;
}

/** Ids of the records the list shows, in order. */
function listed(page: Page): Promise<string[]> {
  return visibleRecordIds(page);
}

beforeAll(async () => {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  work = mkdtempSync(path.join(TEST_OUTPUT, 'pages-e2e-'));
  const library = path.join(work, 'library');
  cpSync(FIXTURE_LIBRARY, library, { recursive: true, filter: (file) => !file.endsWith('README.markdown') });
  const synth = synthRecordFiles(SYNTH_COUNT);
  for (const file of synth) writeFileSync(path.join(library, file.name), file.text);
  buildSite({
    outDir: path.join(work, 'dist'),
    env: { PRECEDENT_CONTENT: path.relative(ROOT, library), PRECEDENT_CACHE_DIR: path.join(work, 'cache'), PRECEDENT_BASE: '' },
  });
  site = await serveStatic(path.join(work, 'dist'));
  browser = await launchBrowser();
  total = FIXTURE_NEWEST_FIRST.length + SYNTH_COUNT;
}, 600_000);

afterAll(async () => {
  for (const page of pages) await page.close();
  await browser?.close();
  await site?.close();
  if (work) rmSync(work, { recursive: true, force: true });
  expect(pages.flatMap((page) => page.errors)).toEqual([]);
});

describe('library pages', () => {
  it('lists every record once across the pages, 100 a page, with newer/older links', async () => {
    const count = Math.ceil(total / PAGE);
    const seen: string[] = [];
    let page = await open('en/');
    for (let n = 1; n <= count; n += 1) {
      const ids = await listed(page);
      expect(ids.length).toBe(n < count ? PAGE : total - PAGE * (count - 1));
      seen.push(...ids);
      await expect(page.locator('#library-pager').innerText()).resolves.toContain(`Page ${n} of ${count}`);
      expect(await page.locator('#library-pager a[rel="prev"]').count()).toBe(n > 1 ? 1 : 0);
      if (n < count) {
        await page.locator('#library-pager a[rel="next"]').click();
        await page.waitForURL(`**/en/page/${n + 1}/`);
      } else {
        expect(await page.locator('#library-pager a[rel="next"]').count()).toBe(0);
      }
    }
    expect(new Set(seen).size).toBe(total);
    page = await open(`zh/page/${count}/`);
    await expect(page.locator('#library-pager').innerText()).resolves.toContain(`第 ${count} / ${count} 页`);
    await page.locator('#library-pager a[rel="prev"]').click();
    await page.waitForURL(`**/zh/page/${count - 1}/`);
  });

  it('filters on a later page over every record, and Reset returns to that page', async () => {
    const page = await open('en/page/3/');
    const own = await listed(page);
    // The newest record is on page 1 only.
    const rows = (await page.evaluate(async () => (await fetch('/library.json')).json())) as Array<{ id: string }>;
    const newest = rows[0]!.id;
    expect(own).not.toContain(newest);
    await page.locator('#filter-q').fill(newest);
    await expect.poll(() => listed(page)).toEqual([newest]);
    await expect(page.locator('#library-pager').isHidden()).resolves.toBe(true);
    await expect(page.locator('#record-count').innerText()).resolves.toBe(`Showing 1 of ${total} records`);
    await page.locator('#filter-reset').click();
    await expect.poll(() => listed(page)).toEqual(own);
    await expect(page.locator('#library-pager').isVisible()).resolves.toBe(true);
  });

  it('shows a filter with many matches 100 at a time, more on request', async () => {
    const page = await open('en/');
    const rows = (await page.evaluate(async () => (await fetch('/library.json')).json())) as Array<{ kind: string }>;
    expect(rows.length).toBe(total);
    const kinds = new Map<string, number>();
    for (const row of rows) kinds.set(row.kind, (kinds.get(row.kind) ?? 0) + 1);
    const [kind, matches] = [...kinds].sort((a, b) => b[1] - a[1])[0]!;
    expect(matches).toBeGreaterThan(PAGE);
    await page.locator('#filter-kind').selectOption(kind);
    // The first filter fetches library.json: the count follows once it has arrived.
    await expect.poll(() => page.locator('#record-count').innerText()).toBe(`Showing ${matches} of ${total} records`);
    await expect.poll(async () => (await listed(page)).length).toBe(PAGE);
    await page.locator('#record-more').click();
    await expect.poll(async () => (await listed(page)).length).toBe(Math.min(matches, 2 * PAGE));
    await expect(page.locator('#record-more').isVisible()).resolves.toBe(matches > 2 * PAGE);
    expect(page.url()).toContain(`?kind=${kind}`);
  });

  it('reads page by page without JavaScript: records and links, no filters', async () => {
    const page = await open('zh/page/2/', { javaScriptEnabled: false });
    expect((await listed(page)).length).toBe(PAGE);
    expect(await page.locator('main select:visible').count()).toBe(0);
    expect(await page.locator('#library-pager a:visible').count()).toBe(2);
  });
});
