/**
 * Headless Chromium for the end-to-end test: Debian's /usr/bin/chromium driven by playwright-core
 * (no browser download), a fresh profile in a temporary directory.
 */
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_BINARY = process.env.AIGOV_E2E_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM_BINARY)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_BINARY} (apt-get install -y chromium, or set AIGOV_E2E_CHROMIUM)`,
    );
  }
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_BINARY,
    headless: true,
    viewport: { width: 1440, height: 1500 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Signs in through the sign-in page's guest card (once per fresh profile). */
export async function signInAsGuest(page: Page, baseUrl: string, timeoutMs: number): Promise<void> {
  await page.goto(baseUrl, { timeout: timeoutMs });
  const enter = page.getByRole('button', { name: /enter/i });
  await enter.waitFor({ timeout: timeoutMs });
  await enter.click();
  await enter.waitFor({ state: 'detached', timeout: timeoutMs });
}

/** Collects what the page logs as errors and the requests that failed, for failure messages. */
export function recordPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  return problems;
}
