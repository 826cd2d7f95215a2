// Debian's Chromium driven by playwright-core, headless and sandbox-free as root, each test on a fresh profile.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot, startServer, type RunningServer } from './ttx-server.js';

export const screenshotDir = path.join(repoRoot, 'apps/web-e2e/screenshots');

export async function launchChromium(): Promise<Browser> {
  // Playwright gives every launch its own temporary user-data-dir, so no profile leaks between runs.
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Seat {
  context: BrowserContext;
  page: Page;
  /** Script errors and dialogs the page raised: a malicious inject must raise none. */
  incidents: string[];
}

/** A separate browser context (own storage, own cookies): one person at one screen. */
export async function openSeat(browser: Browser, baseURL: string, viewport = { width: 1440, height: 900 }): Promise<Seat> {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  const incidents: string[] = [];
  page.on('pageerror', (error) => incidents.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    incidents.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.setDefaultTimeout(20_000);
  return { context, page, incidents };
}

/** What the person sees on screen (the viewport), or the whole page when `fullPage`. */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`screenshot: ${path.relative(repoRoot, file)}`);
  return file;
}

/** A suite's server (the production build on a temporary database) and Chromium, started before the suite's own
 * `beforeAll` hooks (call it first in the `describe`) and stopped after its tests. */
export function browserSuite(): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite is not set up yet: use it inside tests and hooks');
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
  };
}
