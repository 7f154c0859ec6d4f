/**
 * Review screenshots of the built site (`dist/`): a record page and the
 * matcher with results, laptop (1280×800) and phone (375×812), both UI
 * languages, written to test-output/screenshots/.
 *
 *   npm run screenshots [-- --record ID] [-- --query TEXT]
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, SCREENSHOT_DIR } from '../test/e2e/setup/browser.ts';
import { ROOT, serveStatic } from '../test/e2e/setup/server.ts';

/** Viewports a responder uses: a laptop and a phone. */
export const VIEWPORTS = { laptop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } } as const;

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
    const page = await browser.newPage();
    await page.goto(new URL('en/', site.url).href);
    const href = await page.locator('main a[href*="/records/"]').first().getAttribute('href');
    record = /\/records\/([^/]+)\//.exec(href ?? '')?.[1] ?? '';
    await page.close();
  }
  for (const lang of ['zh', 'en'] as const) {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: device === 'phone', hasTouch: device === 'phone' });
      const page = await context.newPage();
      const shots: Array<[string, string]> = [
        [`record-${lang}-${device}`, `${lang}/records/${record}/`],
        [`matcher-${lang}-${device}`, `${lang}/match/?q=${encodeURIComponent(values.query!)}`],
        [`library-${lang}-${device}`, `${lang}/`],
      ];
      for (const [name, href] of shots) {
        await page.goto(new URL(href, site.url).href, { waitUntil: 'networkidle' });
        if (name.startsWith('matcher')) await page.waitForSelector('#match-results > li', { timeout: 10_000 }).catch(() => undefined);
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path: file, fullPage: values.full });
        console.log(file);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
