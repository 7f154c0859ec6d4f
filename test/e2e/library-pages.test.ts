/**
 * The paged library: a library larger than one page (the fixture library
 * plus 250 synthetic records, built under test-output/) is listed 100
 * records a page with newer/older links, and the filters on any page run
 * over every record (library.json), 100 matches at a time. A tag page is
 * paged the same way (every synthetic record carries one tag).
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { serveFixtureLibraryWith } from './setup/server.ts';
import { useBrowserSession } from './support/session.ts';
import { visibleRecordIds } from './support/library.ts';
import { synthRecordFiles } from '../../scripts/lib/synth-follow-library.ts';
import { FIXTURE_NEWEST_FIRST } from '../support/fixture-library.ts';

const SYNTH_COUNT = 250;
/** A tag every synthetic record carries: a tag page three pages long. */
const SYNTH_TAG = 'synthetic';
/** Records per page, as src/site/library.ts sets it. */
const PAGE = 100;

const session = useBrowserSession({ site: () => serveFixtureLibraryWith('pages-e2e', synthRecordFiles(SYNTH_COUNT, { tags: [SYNTH_TAG] })), startTimeout: 600_000 });
const open = async (pathname: string, options: BrowserContextOptions = {}): Promise<Page> => (await session.open(pathname, options)).page;
const total = FIXTURE_NEWEST_FIRST.length + SYNTH_COUNT;

/** Ids of the records the list shows, in order. */
function listed(page: Page): Promise<string[]> {
  return visibleRecordIds(page);
}

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

  it('pages a tag with more records than a page, 100 a page, in both languages', async () => {
    const count = Math.ceil(SYNTH_COUNT / PAGE);
    const seen: string[] = [];
    let page = await open(`en/tags/${SYNTH_TAG}/`);
    for (let n = 1; n <= count; n += 1) {
      const ids = await listed(page);
      expect(ids.length).toBe(n < count ? PAGE : SYNTH_COUNT - PAGE * (count - 1));
      seen.push(...ids);
      await expect(page.locator('#library-pager').innerText()).resolves.toContain(`Page ${n} of ${count}`);
      if (n < count) {
        await page.locator('#library-pager a[rel="next"]').click();
        await page.waitForURL(`**/en/tags/${SYNTH_TAG}/page/${n + 1}/`);
      }
    }
    expect(new Set(seen).size).toBe(SYNTH_COUNT);
    expect(seen.every((id) => id.startsWith('synth-'))).toBe(true);
    // Page 2 in Chinese: its own title, and the language switch leads to the same page in English.
    page = await open(`zh/tags/${SYNTH_TAG}/page/2/`, { javaScriptEnabled: false });
    expect((await listed(page)).length).toBe(PAGE);
    await expect(page.title()).resolves.toContain(`第 2 / ${count} 页`);
    await expect(page.locator(`link[rel="alternate"][hreflang="en-GB"]`).getAttribute('href')).resolves.toMatch(new RegExp(`/en/tags/${SYNTH_TAG}/page/2/$`));
  });
});
