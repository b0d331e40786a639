import { Queue } from 'bullmq';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import {
  chartPoints,
  evaluationBody,
  type BrowserGlobals,
  finished,
  hasChromium,
  inferenceBody,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  submit,
  visit,
  type PageRecord,
} from './console-fixtures';
import { bullPrefix, platformCatalog } from '@llmops/contracts';

// Debian's chromium is installed by .ci/run; a developer machine without it skips (CI never does).
const run = hasChromium || process.env.CI === 'true' ? describe : describe.skip;

let h: PlatformHarness;
let browser: Browser;
const alice = { inference: [] as string[], evaluations: [] as string[] };
let bobJob: string;

beforeAll(async () => {
  if (!hasChromium && process.env.CI !== 'true') return;
  h = await startPlatform('console');
  await h.startWorker({ WORKER_ID: 'console-1' });
  // A real run: alice answers the same questions twice (the second time from the cache), runs an
  // evaluation and a worse one against it; bob runs one job of his own.
  for (const topic of ['north station', 'north station']) {
    const id = await submit(h, keys.alice, '/v1/inference', inferenceBody(topic, 4));
    await finished(h, keys.alice, id);
    alice.inference.push(id);
  }
  const baseline = await submit(h, keys.alice, '/v1/evaluations', evaluationBody(30));
  await finished(h, keys.alice, baseline);
  const worse = await submit(h, keys.alice, '/v1/evaluations', evaluationBody(12, baseline));
  await finished(h, keys.alice, worse);
  alice.evaluations.push(baseline, worse);
  bobJob = await submit(h, keys.bob, '/v1/inference', inferenceBody('south depot', 2));
  await finished(h, keys.bob, bobJob);
  browser = await launchBrowser();
  // A real run on a loaded machine: a hang guard, not a speed limit.
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await h?.close();
});

/** Nothing came from anywhere but the API, and nothing went wrong in the page. */
function expectClean(record: PageRecord): void {
  const origin = new URL(h.api.url).origin;
  expect(record.requests.length).toBeGreaterThan(0);
  expect(record.requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(record.errors).toEqual([]);
}

const pageText = (page: Page) => page.evaluate(() => (globalThis as unknown as BrowserGlobals).document.body.innerText);

run('the console (headless Chromium against a real platform)', () => {
  it('shows jobs with live progress, usage and cost charts, cache savings and evaluation reports, from the API alone', async () => {
    const { page, record } = await openPage(browser);
    await signIn(page, h.api.url, keys.alice, 'alice');

    // Jobs: every job of alice's, and one followed live from waiting to completed.
    const inference = new Queue('inference', { connection: h.redis, prefix: bullPrefix(h.prefix, platformCatalog.inference) });
    await inference.pause();
    const live = await submit(h, keys.alice, '/v1/inference', inferenceBody('east yard', 6));
    await visit(page, '#/jobs');
    await page.waitForSelector(`tr[data-job-id="${live}"]`);
    // Note every state and progress the row shows, as the events arrive.
    await page.evaluate((id) => {
      const browser = globalThis as unknown as BrowserGlobals;
      const row = browser.document.querySelector(`tr[data-job-id="${id}"]`)!;
      const seen: string[] = [row.dataset.state ?? ''];
      browser.seen = seen;
      new browser.MutationObserver(() => seen.push(`${row.dataset.state}:${row.querySelector('progress')?.getAttribute('value') ?? '-'}`)).observe(row, {
        attributes: true,
        subtree: true,
        childList: true,
      });
    }, live);
    await inference.resume();
    await inference.close();
    await page.waitForSelector(`tr[data-job-id="${live}"][data-state="completed"]`, { timeout: 60_000 });
    const seen = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).seen ?? []);
    expect(seen[0]).toBe('waiting');
    expect(seen.some((entry) => entry.startsWith('active'))).toBe(true);
    expect(await page.locator(`tr[data-job-id="${live}"] progress`).getAttribute('value')).toBe('6');
    for (const id of [...alice.inference, ...alice.evaluations]) await page.waitForSelector(`tr[data-job-id="${id}"]`);
    await screenshot(page, 'jobs');

    // Usage: cost and tokens per day and model, drawn from the ledger.
    await visit(page, '#/usage');
    expect(await chartPoints(page, 'cost-by-day')).toBeGreaterThan(0);
    expect(await chartPoints(page, 'tokens-by-day')).toBeGreaterThan(0);
    expect(await page.locator('main table').first().innerText()).toContain('gpt-4o-mini');
    await screenshot(page, 'usage');

    // Cache: the second run's hits show as a hit rate and dollars saved.
    await visit(page, '#/cache');
    expect(await page.locator('[data-stat="hit-rate"] .stat-value').innerText()).not.toBe('0.0%');
    expect(await chartPoints(page, 'hit-rate-by-day')).toBeGreaterThan(0);
    expect(await chartPoints(page, 'saved-by-day')).toBeGreaterThan(0);
    await screenshot(page, 'cache');

    // Evaluations: the list marks the worse run; its report plots pass rates with intervals and the regression.
    await visit(page, '#/evaluations');
    const [baseline, worse] = alice.evaluations as [string, string];
    await page.waitForSelector(`tr.regression a[data-evaluation="${worse}"]`);
    await page.click(`a[data-evaluation="${worse}"]`);
    await page.waitForSelector('canvas[data-chart="baseline-differences"]');
    expect(await chartPoints(page, 'pass-rates')).toBeGreaterThan(0);
    expect(await chartPoints(page, 'baseline-differences')).toBeGreaterThan(0);
    expect(Number(await page.locator('[data-regressions]').getAttribute('data-regressions'))).toBeGreaterThan(0);
    expect(await page.locator('tr[data-verdict="regression"]').count()).toBeGreaterThan(0);
    expect(await pageText(page)).toContain(baseline);
    await screenshot(page, 'evaluation-report');

    expectClean(record);
    await page.context().close();
  });

  it('shows a tenant only its own data', async () => {
    const { page, record } = await openPage(browser);
    // A key the API does not know is refused on the login form, and nothing is kept.
    await page.goto(`${h.api.url}/console`);
    await page.fill('#api-key', 'not-a-key-of-anyone');
    await page.click('form.login button[type=submit]');
    await page.waitForSelector('form.login .error:text("not known")');
    expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length)).toBe(0);
    record.errors = record.errors.filter((error) => !/401/.test(error));
    await signIn(page, h.api.url, keys.bob, 'bob');
    await visit(page, '#/jobs');
    await page.waitForSelector(`tr[data-job-id="${bobJob}"]`);
    await visit(page, '#/evaluations');
    await visit(page, '#/usage');
    await chartPoints(page, 'cost-by-day');
    await visit(page, '#/cache');
    const seen = await pageText(page);
    await visit(page, '#/jobs');
    const jobs = await pageText(page);
    for (const id of [...alice.inference, ...alice.evaluations]) {
      expect(jobs).not.toContain(id);
      expect(seen).not.toContain(id);
    }
    // Alice's report by its address: the API answers 404 to bob, and the page says so.
    await page.evaluate((id) => ((globalThis as unknown as BrowserGlobals).location.hash = `#/evaluations/${id}`), alice.evaluations[1]!);
    await page.waitForSelector('main .error');
    expect(await page.locator('main .error').innerText()).toMatch(/not_found/);
    expect(await page.locator('canvas').count()).toBe(0);
    await screenshot(page, 'other-tenant');
    // The 404 the page asked for shows in its console as a failed resource; nothing else may.
    expect(record.errors.filter((error) => !/404/.test(error))).toEqual([]);
    record.errors = [];
    expectClean(record);
    await page.context().close();
  });

  it('serves the console with a CSP that allows only its own origin', async () => {
    const response = await fetch(`${h.api.url}/console`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\//);
    const script = await fetch(`${h.api.url}/console/app.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('etag')).toBeTruthy();
    const again = await fetch(`${h.api.url}/console/app.js`, { headers: { 'If-None-Match': script.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
