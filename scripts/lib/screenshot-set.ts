/**
 * The review set of screenshots: library, a record page, the matcher with
 * results, follow-ups (actions), insights and the 404 page, on a laptop
 * (1280×800) and a phone (375×812), in both UI languages, light and dark
 * (the system setting the site follows by default). Each is the first
 * screen, what a reader sees before scrolling.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';

/** Viewports a responder uses: a laptop and a phone. */
export const VIEWPORTS = { laptop: { width: 1280, height: 800 }, phone: { width: 375, height: 812 } } as const;
export const SET_LANGS = ['zh', 'en'] as const;
export const THEMES = ['light', 'dark'] as const;
/** The pages of the set, by name. */
export const SET_PAGES = ['library', 'record', 'matcher', 'actions', 'insights', 'not-found'] as const;

/** What to shoot. */
export interface SetOptions {
  /** The served site, ending in `/`. */
  siteUrl: string;
  /** Record page to show. */
  record: string;
  /** Matcher query, one that finds results. */
  query: string;
  /** Folder the PNGs go to. */
  outDir: string;
  /** Whole pages instead of the first screen. Default false. */
  fullPage?: boolean;
}

/** Site-relative path of a page of the set. */
function pagePath(name: (typeof SET_PAGES)[number], lang: string, options: SetOptions): string {
  switch (name) {
    case 'library': return `${lang}/`;
    case 'record': return `${lang}/records/${encodeURIComponent(options.record)}/`;
    case 'matcher': return `${lang}/match/?q=${encodeURIComponent(options.query)}`;
    case 'actions': return `${lang}/actions/`;
    case 'insights': return `${lang}/insights/`;
    case 'not-found': return `${lang}/no-such-page/`;
  }
}

/** Shoots the whole set; returns the files written, `<page>-<lang>-<device>-<theme>.png`. */
export async function shootSet(browser: Browser, options: SetOptions): Promise<string[]> {
  const files: string[] = [];
  for (const lang of SET_LANGS) {
    for (const [device, viewport] of Object.entries(VIEWPORTS)) {
      for (const colorScheme of THEMES) {
        const phone = device === 'phone';
        const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: phone, hasTouch: phone, colorScheme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        for (const name of SET_PAGES) {
          await page.goto(new URL(pagePath(name, lang, options), options.siteUrl).href, { waitUntil: 'networkidle' });
          if (name === 'matcher') await page.waitForSelector('#match-results > li', { timeout: 15_000 });
          const file = path.join(options.outDir, `${name}-${lang}-${device}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
          files.push(file);
        }
        await context.close();
      }
    }
  }
  return files;
}
