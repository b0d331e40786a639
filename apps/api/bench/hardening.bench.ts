// pnpm bench hardening: what the API's input guards and log scrubbing cost per request.
// - the JSON shape guard (depth, __proto__) beside JSON.parse of the same 8 MB body;
// - rejecting a body nested 100,000 deep;
// - scrubbing a request URL for the log, clean and with personal data;
// - end to end: a 5,000-deep search filter refused with 400, and GET /v1/jobs/:id, through the real
//   API with request logging at info into a null stream.
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { createLogger } from '@llmops/logger';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { loadApiEnv } from '../src/env';
import { findJsonProblem } from '../src/http/json-guard';
import { scrubUrl } from '../src/observability/scrub-url';
import { startApiServer } from '../src/server';
import { echoCatalog, echoSubmission } from '../test/fixtures/echo-catalog';

const redisUrl = 'redis://127.0.0.1:6379';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeIt(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

// 1. The shape guard on a large, ordinary body (an ingestion of 2,000 documents).
const documents = Array.from({ length: 2_000 }, (_, i) => ({
  id: `doc-${i}`,
  text: `Paragraph ${i}. `.repeat(250),
  metadata: { group: i % 4, lang: 'en', year: 2026 },
}));
const text = JSON.stringify({ documents });
const parseMs = timeIt(7, () => JSON.parse(text));
const parsed: unknown = JSON.parse(text);
const guardMs = timeIt(7, () => findJsonProblem(parsed));
console.log(
  `JSON body ${(text.length / 1e6).toFixed(1)} MB (2,000 documents): JSON.parse ${parseMs.toFixed(1)} ms, shape guard ${guardMs.toFixed(1)} ms (${((guardMs / parseMs) * 100).toFixed(0)}% of the parse)`,
);

// 2. Rejecting a body nested 100,000 deep (JSON.parse is iterative in V8; the guard stops at 33).
const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
const deepParsed: unknown = JSON.parse(deep);
const deepMs = timeIt(7, () => findJsonProblem(deepParsed));
console.log(`body nested 100,000 deep: JSON.parse ${timeIt(7, () => JSON.parse(deep)).toFixed(1)} ms, guard refuses it in ${deepMs.toFixed(3)} ms`);

// 3. The request log's URL scrubbing.
const urls = {
  clean: '/v1/jobs/inference-0b6c6c1e-9a0e-4a43-8d55-2f1f1d0f5b7a/results?limit=100&cursor=abc123',
  'with personal data': '/v1/jobs/jane.doe%40example.com?note=4111%201111%201111%201111&token=s3cr3t&phone=%2B1%20415%20555%200132',
};
for (const [what, url] of Object.entries(urls)) {
  const n = 20_000;
  const start = performance.now();
  for (let i = 0; i < n; i++) scrubUrl(url);
  console.log(`scrubUrl, ${what}: ${(((performance.now() - start) / n) * 1000).toFixed(1)} µs per request`);
}

// 4. End to end through the API.
const prefix = uniquePrefix('bench-hardening');
const nullStream = new Writable({ write: (_chunk, _encoding, done) => done() });
const api = await startApiServer({
  env: loadApiEnv({ PORT: '0', HOST: '127.0.0.1', REDIS_URL: redisUrl, QUEUE_PREFIX: prefix, API_KEYS: 'alice:alice-key-0123456789', NODE_ENV: 'production' }),
  catalog: echoCatalog,
  submissions: [echoSubmission],
  logger: createLogger({ name: 'bench', level: 'info', destination: nullStream }),
});
const headers = { Authorization: 'Bearer alice-key-0123456789', 'Content-Type': 'application/json' };
try {
  const submitted = (await (
    await fetch(`${api.url}/v1/test-echo`, { method: 'POST', headers, body: JSON.stringify({ items: [{ id: 'a', text: 'x' }] }) })
  ).json()) as { id: string };
  const deepFilter = `{"items":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
  for (const [what, init, path] of [
    ['POST a body nested 5,000 deep -> 400', { method: 'POST', headers, body: deepFilter }, '/v1/test-echo'],
    ['GET /v1/jobs/:id -> 200', { headers }, `/v1/jobs/${submitted.id}`],
  ] as const) {
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i < 300; i++) {
      const start = performance.now();
      const response = await fetch(`${api.url}${path}`, init);
      await response.arrayBuffer();
      status = response.status;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${what} (answered ${status}): p50 ${median(times).toFixed(2)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(2)} ms over 300 sequential requests`,
    );
  }
} finally {
  await api.close();
  await deleteKeys(redisUrl, prefix);
}
