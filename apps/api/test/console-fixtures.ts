import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { waitFor } from '@llmops/testing';
import { auth, json, type PlatformHarness } from './fixtures/platform-harness';

/**
 * The little of the DOM that the callbacks given to `page.evaluate` use. They run in the browser; this
 * project compiles for Node without the DOM library, so each callback casts `globalThis` to this.
 */
export interface BrowserGlobals {
  document: { querySelector(selector: string): BrowserElement | null; body: { innerText: string } };
  location: { hash: string };
  MutationObserver: new (callback: () => void) => {
    observe(target: BrowserElement, options: { attributes?: boolean; subtree?: boolean; childList?: boolean }): void;
  };
  seen?: string[];
}
export interface BrowserElement {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
  querySelector(selector: string): BrowserElement | null;
  getAttribute(name: string): string | null;
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it). */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

/** Screenshots of every page, kept after the run (git-ignored: apps/api/.gitignore). */
export const artifactsDir = fileURLToPath(new URL('../test-artifacts/console/', import.meta.url));

/**
 * Headless Chromium as this machine runs it: no sandbox (root), and no background networking,
 * component updates or sync, which would try to reach Google's hosts over a closed network.
 */
export async function launchBrowser(): Promise<Browser> {
  mkdirSync(artifactsDir, { recursive: true });
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
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

/** Everything a page did that a test holds against it: every request's URL and every console error. */
export interface PageRecord {
  requests: string[];
  errors: string[];
}

export async function openPage(browser: Browser): Promise<{ page: Page; record: PageRecord }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const record: PageRecord = { requests: [], errors: [] };
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(message.text());
  });
  page.on('pageerror', (error) => record.errors.push(`${error.name}: ${error.message}`));
  return { page, record };
}

/** Signs in on the login form (the key checked by the API) and waits for the navigation bar. */
export async function signIn(page: Page, baseUrl: string, apiKey: string, tenant: string): Promise<void> {
  await page.goto(`${baseUrl}/console`);
  await page.fill('#api-key', apiKey);
  await page.click('form.login button[type=submit]');
  await page.waitForSelector(`nav .tenant strong:text-is("${tenant}")`);
}

/** Shows a page of the console and waits until it has drawn (its `main` no longer says Loading). */
export async function visit(page: Page, route: string): Promise<void> {
  await page.evaluate((hash) => ((globalThis as unknown as BrowserGlobals).location.hash = hash), route);
  await page.waitForFunction((name) => {
    const main = (globalThis as unknown as BrowserGlobals).document.querySelector('main');
    return main !== null && main.dataset.page === name && !main.textContent?.includes('Loading…');
  }, route.replace(/^#\/?/, '').split('/')[0]);
}

/**
 * A drawn chart: its canvas says how many values it shows, and its pixels are not blank (Chart.js drew
 * bars, lines or points into it). Returns the number of values.
 */
export async function chartPoints(page: Page, name: string): Promise<number> {
  const selector = `canvas[data-chart="${name}"][data-points]`;
  await page.waitForSelector(selector);
  const { points, inked } = await page.evaluate((sel) => {
    const canvas = (globalThis as unknown as BrowserGlobals).document.querySelector(sel)!;
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked += 1;
    return { points: Number(canvas.dataset.points), inked };
  }, selector);
  expect(inked, `${name} has pixels drawn`).toBeGreaterThan(500);
  return points;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifactsDir}${name}.png`, fullPage: true });
}

// --- data from a real run ----------------------------------------------------------------------

export async function submit(h: PlatformHarness, key: string, path: string, body: unknown): Promise<string> {
  const response = await fetch(`${h.api.url}${path}`, { method: 'POST', headers: json(key), body: JSON.stringify(body) });
  const reply = (await response.json()) as { id: string };
  expect(response.status, JSON.stringify(reply)).toBe(202);
  return reply.id;
}

export async function finished(h: PlatformHarness, key: string, id: string): Promise<void> {
  await waitFor(
    async () => {
      const view = (await (await fetch(`${h.api.url}/v1/jobs/${id}`, { headers: auth(key) })).json()) as { state: string; error: unknown };
      if (view.state === 'failed') throw new Error(`job ${id} failed: ${JSON.stringify(view.error)}`);
      return view.state === 'completed';
    },
    { what: `job ${id} completed`, timeoutMs: 90_000 },
  );
}

export const inferenceBody = (topic: string, items: number) => ({
  model: 'gpt-4o-mini',
  parameters: { temperature: 0 },
  items: Array.from({ length: items }, (_, i) => ({
    id: `q${i}`,
    messages: [{ role: 'user' as const, content: `${topic}: what is the service interval of pump ${i}?` }],
  })),
});

/**
 * An evaluation of given outputs: 30 cases, `correct` of them answered right. Graded by `contains`
 * (the expected text) and `exact`; the second run against the first is a regression when it is worse.
 */
export function evaluationBody(correct: number, baseline?: string) {
  const cases = Array.from({ length: 30 }, (_, i) => ({
    id: `case-${i}`,
    input: `What is ${i} + ${i}?`,
    expected: String(2 * i),
    output: i < correct ? String(2 * i) : `about ${2 * i + 7}`,
  }));
  return { cases, graders: [{ type: 'contains' }, { type: 'exact' }], ...(baseline ? { baseline } : {}) };
}
