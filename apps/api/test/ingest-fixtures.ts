import { waitFor } from '@llmops/testing';
import type { LogEntry } from '@llmops/llm-simulator';
import { auth, json } from './fixtures/platform-harness';

export interface Doc {
  id: string;
  text: string;
  metadata?: Record<string, string | number | boolean>;
}

export interface HttpReply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function call(url: string, key: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpReply> {
  const response = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { ...(init.body === undefined ? auth(key) : json(key)), ...init.headers },
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: response.headers };
}

const WORDS = (
  'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango ' +
  'uniform victor whiskey xray yankee zulu river mountain forest desert ocean valley canyon meadow harbor island glacier volcano ' +
  'engine turbine piston gasket bearing spindle sprocket lever pulley valve circuit sensor relay switch cable socket'
).split(' ');

/** Deterministic prose: `paragraphs` paragraphs of about `words` words, with a marker word per paragraph. */
export function prose(seed: string, paragraphs: number, words = 120): string {
  let state = [...seed].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const next = () => (state = (state * 1_103_515_245 + 12_345) >>> 0);
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const sentence: string[] = [`Section ${seed}-${p}.`];
    for (let w = 0; w < words; w++) sentence.push(WORDS[next() % WORDS.length]!);
    out.push(`${sentence.join(' ')}.`);
  }
  return out.join('\n\n');
}

/** `n` documents; every 10th is long enough for several chunks. */
export function makeDocs(n: number, prefix = 'doc'): Doc[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    text: prose(`${prefix}${i}`, i % 10 === 0 ? 8 : 1 + (i % 3)),
    metadata: { group: i % 4, kind: i % 2 === 0 ? 'even' : 'odd' },
  }));
}

export async function ingest(apiUrl: string, key: string, collection: string, documents: readonly Doc[], extra: { model?: string } = {}): Promise<string> {
  const reply = await call(`${apiUrl}/v1/collections/${collection}/documents`, key, { body: { documents, ...extra } });
  if (reply.status !== 202) throw new Error(`ingest answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return String(reply.body.id);
}

export interface IngestSummary {
  documents: { total: number; new: number; updated: number; unchanged: number };
  chunks: { new: number; unchanged: number; deleted: number };
  tokens: number;
  costUsd: string;
  providerRequests: number;
  batches: number;
}

export async function finished(apiUrl: string, key: string, jobId: string, timeoutMs = 110_000): Promise<IngestSummary> {
  const job = await waitFor(
    async () => {
      const view = await call(`${apiUrl}/v1/jobs/${jobId}`, key);
      if (view.body.state === 'failed') throw new Error(`job failed: ${JSON.stringify(view.body.error)}`);
      // The job view can say completed before its result is readable (it loads the job, then asks its
      // state): wait for both.
      return view.body.state === 'completed' && view.body.result ? view.body : undefined;
    },
    { what: `ingest job ${jobId}`, timeoutMs },
  );
  return job.result as IngestSummary;
}

export interface DocumentItem {
  id: string;
  result: { status: string; chunks: { new: number; unchanged: number; deleted: number } };
}

export async function itemResults(apiUrl: string, key: string, jobId: string): Promise<DocumentItem[]> {
  const out: DocumentItem[] = [];
  let cursor: string | null = null;
  do {
    const page = await call(`${apiUrl}/v1/jobs/${jobId}/results?limit=500${cursor ? `&cursor=${cursor}` : ''}`, key);
    const body = page.body as { items: DocumentItem[]; nextCursor: string | null };
    out.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

export interface Hit {
  id: string;
  score: number;
  documentId: string;
  chunkIndex: number;
  start: number;
  end: number;
  text: string;
  metadata: Record<string, unknown>;
}

export async function search(
  apiUrl: string,
  key: string,
  collection: string,
  body: { query: string; topK?: number; filter?: unknown },
): Promise<{ status: number; hits: Hit[]; body: Record<string, unknown> }> {
  const reply = await call(`${apiUrl}/v1/collections/${collection}/search`, key, { body });
  return { status: reply.status, hits: (reply.body.hits as Hit[] | undefined) ?? [], body: reply.body };
}

/** Embedding requests in the simulator's log after entry `since`, with their inputs. */
export function embeddingRequests(entries: readonly LogEntry[]): { inputs: string[] }[] {
  return entries
    .filter((e) => e.path === '/v1/embeddings')
    .map((e) => {
      const input = (e.body as { input?: unknown } | null)?.input;
      return { inputs: Array.isArray(input) ? input.map(String) : [String(input)] };
    });
}
