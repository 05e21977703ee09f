import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { projectRoot } from '../../subgraphs/shared/config.js';

/**
 * Headless Chromium for the browser tests: Debian's `chromium` package driven by playwright-core. The
 * flags keep Chromium from its background connections (refused on a closed network) and the profile is
 * fresh for every run.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Screenshots of every run (ignored by git); with DASHBOARD_SCREENSHOTS=docs also the README's, in docs/images. */
export const ARTIFACTS = join(projectRoot(), 'test-artifacts', 'browser');

export function useBrowser() {
  const context = {} as {
    browser: BrowserContext;
    /** A new tab; its console errors and failed page errors are collected in `problems`. */
    open(): Promise<Page>;
    problems: string[];
    /** Saves a full-page screenshot as a test artefact (and for the README when asked). */
    screenshot(page: Page, name: string, forReadme?: boolean): Promise<void>;
  };
  let profile: string | undefined;
  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'pembinaan-chromium-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    context.problems = [];
    context.browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
      locale: 'id-ID',
      timezoneId: 'Asia/Jakarta',
    });
    context.open = async () => {
      const page = await context.browser.newPage();
      page.on('pageerror', (error) => context.problems.push(`page error: ${error.message}`));
      return page;
    };
    context.screenshot = async (page, name, forReadme = false) => {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
      if (forReadme && process.env.DASHBOARD_SCREENSHOTS === 'docs') {
        await page.screenshot({ path: join(projectRoot(), 'docs', 'images', `${name}.png`), fullPage: true });
      }
    };
  });
  afterAll(async () => {
    await context.browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });
  return context;
}
