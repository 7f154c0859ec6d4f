/**
 * What the browser tests expect of the four records in content/incidents,
 * and small page helpers shared by the library, record and i18n tests.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The UI languages, in the order the site offers them. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Record ids, newest first (the 2021 and 2017 records by date; the undated known issue last). */
export const NEWEST_FIRST = [
  'scale-price-push-failure-266-calico-nat',
  'learningspace-homework-distribution-ovs-drop',
  'h3cloud-os-license-server-port-5555-connections',
  'k8s-conntrack-timeout-long-connection-reset',
] as const;
export type RecordId = (typeof NEWEST_FIRST)[number];

/** Short handles used in test names. */
export const [SCALE, LEARNINGSPACE, LICENSE, CONNTRACK] = NEWEST_FIRST;

/** Each record's title as its author wrote it (Chinese), shown in both UI languages. */
export const TITLES: Record<RecordId, string> = {
  [SCALE]: '门店下秤（顶尖秤）失败：266 网络错误，容器 NAT 改写源端口被秤端拒绝',
  [LEARNINGSPACE]: 'H3Cloud Learningspace 作业分发报错“失败重发”：网络策略模板出入方向默认拒绝，OVS 流表 actions:drop',
  [LICENSE]: '网络长时间中断后 H3Cloud OS 连接 License Server 异常：5555 端口连接数超过 1020',
  [CONNTRACK]: 'k8s conntrack 表项超时导致经 Service 的 TCP 长连接被 RST（ECONNRESET）',
};

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
