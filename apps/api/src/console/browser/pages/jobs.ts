import type { Job, LlmopsClient } from '@llmops/client';
import { h, replaceChildren, type Child } from '../dom';
import { progressCounts, when } from '../format';
import { firstItems, type PageContext } from '../page';

/** Jobs listed (newest first) and polled for new ones. */
const LISTED = 50;
const POLL_MS = 5_000;
/**
 * Event streams open at once: a browser keeps about six connections per origin over HTTP/1.1, and the
 * page's own reads need some of them. Other running jobs wait for a free stream.
 */
const STREAMS = 3;

const terminal = new Set(['completed', 'failed', 'cancelled']);

/** The caller's jobs with live state and progress: each running job's server-sent events move its row. */
export async function jobsPage({ api, root, signal }: PageContext): Promise<void> {
  const body = h('tbody');
  const rows = new Map<string, HTMLTableRowElement>();
  const following = new Set<string>();
  const queued: string[] = [];
  const empty = h('p', { class: 'note', 'data-empty': true }, 'No jobs yet.');

  const render = (job: Pick<Job, 'id'> & Partial<Job>) => {
    let row = rows.get(job.id);
    if (!row) {
      row = h('tr', { 'data-job-id': job.id }, ...Array.from({ length: 6 }, () => h('td')));
      rows.set(job.id, row);
      body.prepend(row);
      empty.remove();
    }
    const cells = [...row.cells];
    if (job.type !== undefined) replaceChildren(cells[1]!, job.type);
    if (job.state !== undefined) {
      row.dataset.state = job.state;
      replaceChildren(cells[2]!, h('span', { class: `state state-${job.state}` }, job.state));
    }
    if (job.progress !== undefined) replaceChildren(cells[3]!, progressCell(job.progress));
    if (job.createdAt !== undefined) replaceChildren(cells[4]!, when(job.createdAt));
    if (job.finishedAt !== undefined) replaceChildren(cells[5]!, when(job.finishedAt));
    replaceChildren(cells[0]!, h('code', {}, job.id));
  };

  const follow = (id: string) => {
    if (following.has(id)) return;
    if (following.size >= STREAMS) return void (queued.includes(id) || queued.push(id));
    following.add(id);
    void stream(api, id, signal, render).finally(() => {
      following.delete(id);
      const next = queued.shift();
      if (next !== undefined && !signal.aborted) follow(next);
    });
  };

  const refresh = async () => {
    const jobs = await firstItems(api.jobs.list({ limit: LISTED, signal }), LISTED);
    for (const job of [...jobs].reverse()) {
      // A followed job's row is kept by its stream, which is newer than the list.
      if (!following.has(job.id)) render(job);
      if (!terminal.has(job.state)) follow(job.id);
    }
  };

  replaceChildren(
    root,
    h('h1', {}, 'Jobs'),
    h('p', { class: 'note' }, `Your ${LISTED} most recent jobs. Running jobs update live from their event stream; new jobs appear within ${POLL_MS / 1000} s.`),
    h(
      'table',
      { class: 'jobs' },
      h('thead', {}, h('tr', {}, ...['Job', 'Type', 'State', 'Progress', 'Created', 'Finished'].map((name) => h('th', { scope: 'col' }, name)))),
      body,
    ),
    empty,
  );
  await refresh();
  const timer = setInterval(() => void refresh().catch(() => undefined), POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}

/** Follows one job's events until it ends or the page is left; a dropped stream is reopened by the client. */
async function stream(api: LlmopsClient, id: string, signal: AbortSignal, render: (job: Pick<Job, 'id'> & Partial<Job>) => void): Promise<void> {
  try {
    for await (const event of api.jobs.events(id, { signal })) {
      if (event.type === 'state') render(event.job);
      else if (event.type === 'active') render({ id, state: 'active' });
      else if (event.type === 'progress') render({ id, progress: event.progress });
      else render({ id, state: event.type, finishedAt: new Date().toISOString() });
    }
  } catch {
    // Left the page, or the job vanished (retention): the next poll shows what is left.
  }
}

function progressCell(progress: unknown): Child {
  const counts = progressCounts(progress);
  if (!counts) return typeof progress === 'object' && progress !== null ? h('span', { class: 'note' }, describe(progress)) : '—';
  return h('span', { class: 'progress' }, h('progress', { max: Math.max(1, counts.total), value: counts.done }), ` ${counts.done} / ${counts.total}`);
}

function describe(progress: object): string {
  const step = (progress as { step?: unknown }).step;
  return typeof step === 'string' ? step : '…';
}
