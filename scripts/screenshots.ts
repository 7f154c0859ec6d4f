/**
 * Review screenshots of a built site (default `dist/`): library, a record
 * page, the matcher with results, follow-ups, insights and the 404 page —
 * laptop (1280×800) and phone (375×812), zh and en, light and dark — written
 * to test-output/screenshots/ (scripts/lib/screenshot-set.ts). CI runs it
 * after the build and keeps the folder with the test output.
 *
 *   npm run screenshots [-- --dist test-output/site] [-- --record ID] [-- --query TEXT] [-- --full]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SCREENSHOT_DIR } from '../test/e2e/setup/browser.ts';
import { ROOT, serveStatic } from '../test/e2e/setup/server.ts';
import { shootSet } from './lib/screenshot-set.ts';

const { values } = parseArgs({
  options: {
    record: { type: 'string' },
    query: { type: 'string', default: '5555 连接数 超过 1020' },
    dist: { type: 'string', default: path.join(ROOT, 'dist') },
    full: { type: 'boolean', default: false },
  },
});

const site = await serveStatic(path.resolve(values.dist!));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
mkdirSync(SCREENSHOT_DIR, { recursive: true });
try {
  let record = values.record;
  if (!record) {
    // The newest record: the library's first link.
    const page = await browser.newPage();
    await page.goto(new URL('en/', site.url).href);
    const href = await page.locator('main a[href*="/records/"]').first().getAttribute('href');
    record = /\/records\/([^/]+)\//.exec(href ?? '')?.[1] ?? '';
    await page.close();
  }
  const files = await shootSet(browser, { siteUrl: site.url, record, query: values.query!, outDir: SCREENSHOT_DIR, fullPage: values.full });
  for (const file of files) console.log(path.relative(ROOT, file));
  console.log(`${files.length} screenshots`);
} finally {
  await browser.close();
  await site.close();
}
