/**
 * What the browser tests expect of the fixture library they drive
 * (test/fixtures/library/, built into test-output/site/), and small page
 * helpers shared by the library, record and i18n tests.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { FIXTURE, FIXTURE_NEWEST_FIRST, FIXTURE_TITLES, type FixtureId } from '../../support/fixture-library.ts';

/** The UI languages, in the order the site offers them. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Fixture record ids, newest first (by date; the two undated known issues last, by id). */
export const NEWEST_FIRST = FIXTURE_NEWEST_FIRST;
export type RecordId = FixtureId;

/** Short handles used in test names: the four frozen samples and the four hand-made records. */
export const { scale: SCALE, learningspace: LEARNINGSPACE, license: LICENSE, conntrack: CONNTRACK } = FIXTURE;
export const { checkout: CHECKOUT, openssl: OPENSSL, kafka: KAFKA, ndots: NDOTS } = FIXTURE;

/** Each record's title as its author wrote it, shown in both UI languages. */
export const TITLES: Record<RecordId, string> = FIXTURE_TITLES;

/** Site-relative URL of a page, e.g. `url('en', 'records', id)` is `/en/records/{id}/`. */
export function url(lang: Lang, ...segments: string[]): string {
  return `/${lang}/${segments.map((s) => `${encodeURIComponent(s)}/`).join('')}`;
}

/** Ids of the records whose links are visible in `main`, in page order (one per record). */
export async function visibleRecordIds(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href*="/records/"]').evaluateAll((links) =>
    links
      .filter((a) => (a as HTMLElement).checkVisibility())
      .map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  const ids = hrefs.map((href) => /\/records\/([^/]+)\/?$/.exec(href)?.[1] ?? href);
  return ids.filter((id, index) => ids.indexOf(id) === index);
}

/** Text a reader sees in `main`, whitespace collapsed. */
export async function mainText(page: Page): Promise<string> {
  const text = await page.locator('main').innerText();
  return text.replace(/\s+/g, ' ');
}

/** Asserts the page has no horizontal scroll at its viewport width. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    width: window.innerWidth,
  }));
  expect(scrollWidth, `page scrolls sideways at ${width}px`).toBeLessThanOrEqual(width);
}
