import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, auth, json, keys, startHarness, submitEcho, type Harness } from './fixtures/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('headers');
});
afterAll(() => h.close());

const admin = { Authorization: `Bearer ${adminToken}` };

function expectSecurityHeaders(headers: Headers, what: string): void {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  expect(headers.get('referrer-policy'), what).toBe('no-referrer');
  expect(headers.get('x-powered-by'), what).toBeNull();
}

describe('security headers', () => {
  it('are on /v1 answers, which are never stored', async () => {
    const submitted = await submitEcho(h.api, keys.alice, { items: [{ id: 'a', text: 'x' }] });
    const responses = {
      'POST /v1/test-echo': submitted.headers,
      'GET /v1/jobs': (await fetch(`${h.api.url}/v1/jobs`, { headers: auth(keys.alice) })).headers,
      'GET /v1/jobs/:id': (await fetch(`${h.api.url}/v1/jobs/${String(submitted.body.id)}`, { headers: auth(keys.alice) })).headers,
    };
    for (const [what, headers] of Object.entries(responses)) {
      expectSecurityHeaders(headers, what);
      expect(headers.get('cache-control'), what).toBe('no-store');
      // A JSON answer may load nothing at all.
      expect(headers.get('content-security-policy'), what).toContain("default-src 'none'");
    }
  });

  it('are on errors: 401, 400, 404, 405, 413 and 415', async () => {
    const errors = {
      401: await fetch(`${h.api.url}/v1/jobs`),
      400: await fetch(`${h.api.url}/v1/test-echo`, { method: 'POST', headers: json(keys.alice), body: '{"items": [' }),
      404: await fetch(`${h.api.url}/nothing-here`),
      405: await fetch(`${h.api.url}/healthz`, { method: 'POST' }),
      413: await fetch(`${h.api.url}/v1/test-echo`, {
        method: 'POST',
        headers: json(keys.alice),
        body: JSON.stringify({ items: [{ id: 'a', text: 'x'.repeat(11 * 1024 * 1024) }] }),
      }),
      415: await fetch(`${h.api.url}/v1/test-echo`, { method: 'POST', headers: { ...auth(keys.alice), 'Content-Type': 'text/plain' }, body: 'x' }),
    };
    for (const [status, response] of Object.entries(errors)) {
      expect(response.status).toBe(Number(status));
      expectSecurityHeaders(response.headers, `${status}`);
      const body = (await response.json()) as { error: { requestId: string } };
      expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
    }
    expect(errors[401].headers.get('cache-control')).toBe('no-store');
  });

  it('are on Bull Board, whose page and its own scripts and styles still load', async () => {
    const page = await fetch(`${h.api.url}/admin/queues`, { headers: admin });
    expect(page.status).toBe(200);
    expectSecurityHeaders(page.headers, 'board page');
    expect(page.headers.get('cache-control')).toBe('no-store');
    // The board's CSP forbids framing but lets the page load its own assets.
    expect(page.headers.get('content-security-policy')).not.toContain("default-src 'none'");
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(static\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets.some((asset) => asset.endsWith('.js'))).toBe(true);
    expect(assets.some((asset) => asset.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const response = await fetch(`${h.api.url}/admin/queues/${asset}`, { headers: admin });
      expect(response.status, asset).toBe(200);
      expectSecurityHeaders(response.headers, asset);
      expect(response.headers.get('content-type'), asset).toMatch(asset.endsWith('.js') ? /javascript/ : asset.endsWith('.css') ? /css/ : /./);
    }
    const api = await fetch(`${h.api.url}/admin/queues/api/queues`, { headers: admin });
    expect(api.status).toBe(200);
    expectSecurityHeaders(api.headers, 'board api');
    expect(api.headers.get('cache-control')).toBe('no-store');
  });

  it('are on health, readiness and the OpenAPI document', async () => {
    for (const path of ['/healthz', '/readyz', '/openapi.json']) {
      expectSecurityHeaders((await fetch(`${h.api.url}${path}`)).headers, path);
    }
  });
});
