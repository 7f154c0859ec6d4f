/**
 * The lifecycle every browser test file shares: one served site and one
 * Chromium per file, one page at a time. Every page, when the next one opens
 * or the test ends, is closed and must have logged no console error,
 * uncaught exception or dialog.
 */
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, newPage, type PageReport } from '../setup/browser.ts';
import { startSite, type SiteServer } from '../setup/server.ts';

/** A test file's site, browser and current page. */
export interface BrowserSession {
  /** The served site (set in `beforeAll`). */
  readonly site: SiteServer;
  /** The browser (set in `beforeAll`). */
  readonly browser: Browser;
  /** Absolute URL of a site path. */
  href(path: string): string;
  /** Finishes the current page (closed and checked), then opens `path` in a fresh context. */
  open(
    path: string,
    options?: BrowserContextOptions,
    waitUntil?: 'load' | 'networkidle',
  ): Promise<{ page: Page; response: Response | null }>;
  /** Drops the current page's errors matching `pattern`, e.g. the browser's own log line for a 404. */
  forgive(pattern: RegExp): void;
}

/** Options of {@link useBrowserSession}. */
export interface SessionOptions {
  /**
   * Starts the site the file drives, e.g. a library built for it under
   * test-output/ and served with `serveStatic`. Default: the fixture library
   * (`startSite()`). Its `close` is called after the file.
   */
  site?: () => Promise<SiteServer>;
  /** Milliseconds starting it may take (building a large library). Default: the e2e hook timeout. */
  startTimeout?: number;
}

/** Registers the hooks of a browser test file and returns its session. */
export function useBrowserSession(options: SessionOptions = {}): BrowserSession {
  let site: SiteServer | undefined;
  let browser: Browser | undefined;
  let current: { report: PageReport; close: () => Promise<void> } | undefined;

  /** Closes the current page and asserts it reported nothing. */
  const finish = async () => {
    const page = current;
    current = undefined;
    if (!page) return;
    await page.close();
    const problems = [...page.report.errors, ...page.report.dialogs.map((message) => `dialog: ${message}`)];
    expect(problems, 'console errors, uncaught exceptions or dialogs').toEqual([]);
  };

  beforeAll(async () => {
    site = await (options.site ?? startSite)();
    browser = await launchBrowser();
  }, options.startTimeout);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  afterEach(finish);

  const session: BrowserSession = {
    get site() {
      if (!site) throw new Error('The site is served from beforeAll on');
      return site;
    },
    get browser() {
      if (!browser) throw new Error('The browser is launched from beforeAll on');
      return browser;
    },
    href: (path) => new URL(path, session.site.url).href,
    async open(path, options = {}, waitUntil = 'load') {
      await finish();
      const opened = await newPage(session.browser, options);
      current = opened;
      const response = await opened.page.goto(session.href(path), { waitUntil });
      return { page: opened.page, response };
    },
    forgive(pattern) {
      const errors = current?.report.errors;
      if (errors) errors.splice(0, errors.length, ...errors.filter((error) => !pattern.test(error)));
    },
  };
  return session;
}
