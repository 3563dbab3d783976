import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startNodeApi } from './support/start-api';

const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = `skipped: ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it)`;

describe.skipIf(!existsSync(CHROMIUM))(existsSync(CHROMIUM) ? '/docs in Chromium' : NO_CHROMIUM, () => {
  let api: RunningApi;
  let browser: Browser;
  beforeAll(async () => {
    api = await startNodeApi();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('renders under its CSP with no violation, and its try-it form calls the API', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${api.url}/docs`);
    expect(await page.locator('h1').textContent()).toContain('Gazette API');
    const form = page.locator('form.try[data-path="/v1/articles"]');
    await form.locator('input[name="limit"]').fill('1');
    await form.locator('button[type="submit"]').click();
    const out = form.locator('pre.out');
    await expect.poll(() => out.textContent(), { timeout: 10_000 }).toContain('"nextCursor"');
    expect(await out.textContent()).toMatch(/^GET \/v1\/articles\?limit=1\n200 application\/json/);
    expect(problems).toEqual([]);
  });
});
