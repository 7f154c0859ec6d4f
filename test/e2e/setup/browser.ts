/**
 * Shared by every browser test: launches the machine's Chromium through
 * playwright-core and records what a page reports (console errors, uncaught
 * exceptions, dialogs) so tests can assert there were none.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { ROOT } from './server.ts';

/** Chromium installed by Debian; override with `PRECEDENT_CHROMIUM` (or `CHROMIUM_PATH`). */
export const CHROMIUM_PATH = process.env.PRECEDENT_CHROMIUM || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Flags for a quiet, headless, offline-friendly run. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Screenshots go here (gitignored). */
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output/screenshots');

/** Launches headless Chromium; without one, fails with a single line saying how to get it. */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    const error = new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` (Debian/Ubuntu), or set PRECEDENT_CHROMIUM to a Chromium binary.`,
    );
    error.stack = error.message;
    return Promise.reject(error);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** What a page said while a test drove it. */
export interface PageReport {
  /** Console messages of type `error`, plus uncaught exceptions. */
  errors: string[];
  /** Messages of `alert`/`confirm`/`prompt` dialogs (dismissed automatically). */
  dialogs: string[];
}

/**
 * Opens a page in a fresh context (own viewport, JS on or off) that records
 * errors and dialogs and dismisses any dialog. `close` ends the context.
 */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; report: PageReport; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const report: PageReport = { errors: [], dialogs: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') report.errors.push(message.text());
  });
  page.on('pageerror', (error) => report.errors.push(`${error.name}: ${error.message}`));
  page.on('dialog', (dialog) => {
    report.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, report, close: () => context.close() };
}

/** Saves a full-page screenshot as `test-output/screenshots/<name>.png`; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
