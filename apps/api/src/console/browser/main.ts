import { ApiError, createClient, type LlmopsClient } from '@llmops/client';
import { ChartSet } from './charts';
import { h, replaceChildren } from './dom';
import type { Page } from './page';
import { cachePage } from './pages/cache';
import { evaluationsPage } from './pages/evaluations';
import { jobsPage } from './pages/jobs';
import { usagePage } from './pages/usage';
import { clearSession, loadSession, saveSession, type Session } from './session';

const pages: Record<string, { title: string; page: Page }> = {
  jobs: { title: 'Jobs', page: jobsPage },
  usage: { title: 'Usage and cost', page: usagePage },
  cache: { title: 'Cache', page: cachePage },
  evaluations: { title: 'Evaluations', page: evaluationsPage },
};

const app = document.getElementById('app')!;
const client = (apiKey: string): LlmopsClient => createClient({ baseUrl: location.origin, apiKey, retry: { retries: 2 } });

/** The page being shown, torn down before the next one. */
let leave: (() => void) | undefined;

function start(): void {
  const session = loadSession();
  if (!session) return login();
  window.onhashchange = () => show(session);
  show(session);
}

/** The key is checked against GET /v1/usage (which also names its tenant) before it is kept. */
function login(message?: string): void {
  leave?.();
  window.onhashchange = null;
  const input = h('input', { type: 'password', id: 'api-key', name: 'api-key', autocomplete: 'off', required: true, placeholder: 'API key' });
  const error = h('p', { class: 'error', role: 'alert' }, message ?? '');
  const form = h(
    'form',
    { class: 'login' },
    h('h1', {}, 'llmops console'),
    h('label', { for: 'api-key' }, 'Your tenant API key'),
    input,
    h('button', { type: 'submit' }, 'Sign in'),
    error,
    h('p', { class: 'note' }, 'The key stays in this browser tab (sessionStorage) and is sent only to this API.'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const apiKey = input.value.trim();
    client(apiKey)
      .usage()
      .then((usage) => {
        saveSession({ apiKey, tenant: usage.tenant });
        start();
      })
      .catch((failure: unknown) => {
        error.textContent = failure instanceof ApiError && failure.kind === 'unauthorized' ? 'That key is not known to this API.' : describe(failure);
      });
  });
  replaceChildren(app, form);
  input.focus();
}

function show(session: Session): void {
  leave?.();
  const [name = 'jobs', param] = location.hash.replace(/^#\/?/, '').split('/');
  const route = pages[name] ?? pages.jobs!;
  const controller = new AbortController();
  const charts = new ChartSet();
  leave = () => {
    controller.abort();
    charts.destroy();
  };
  const main = h('main', { 'data-page': name in pages ? name : 'jobs' }, h('p', { class: 'note' }, 'Loading…'));
  const signOut = h('button', { type: 'button', class: 'link' }, 'Sign out');
  signOut.addEventListener('click', () => {
    clearSession();
    login();
  });
  const nav = h(
    'nav',
    {},
    h('span', { class: 'brand' }, 'llmops'),
    ...Object.entries(pages).map(([key, { title }]) => h('a', { href: `#/${key}`, class: key === name ? 'active' : undefined }, title)),
    h('span', { class: 'tenant' }, 'tenant ', h('strong', {}, session.tenant)),
    signOut,
  );
  replaceChildren(app, nav, main);
  document.title = `${route.title} · llmops console`;
  const context = { api: client(session.apiKey), root: main, signal: controller.signal, charts, ...(param ? { param: decodeURIComponent(param) } : {}) };
  route.page(context).catch((failure: unknown) => {
    if (controller.signal.aborted) return;
    if (failure instanceof ApiError && failure.kind === 'unauthorized') {
      clearSession();
      return login('The API no longer accepts this key: sign in again.');
    }
    replaceChildren(main, h('h1', {}, route.title), h('p', { class: 'error', role: 'alert' }, describe(failure)));
  });
}

function describe(failure: unknown): string {
  if (failure instanceof ApiError) return `${failure.message} (${failure.code}${failure.requestId ? `, request ${failure.requestId}` : ''})`;
  return failure instanceof Error ? failure.message : String(failure);
}

start();
