// `pnpm bench client`: what the typed client adds over a bare fetch (JSON parsing, auth, error
// mapping, retry bookkeeping) on a local HTTP server that answers a job view, and how fast it parses
// a job's event stream. Figures depend on the shared machine: read ratios.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '../src';

const job = {
  id: 'inference-6f1c0d0e-2b7a-4a8e-9a57-3f1f8e0c6b11',
  type: 'inference',
  state: 'active',
  progress: { items: { done: 250, total: 1000 } },
  attempts: { made: 1, max: 5 },
  createdAt: '2026-11-28T09:00:00.000Z',
  startedAt: '2026-11-28T09:00:01.120Z',
  finishedAt: null,
  error: null,
  result: null,
  results: { count: 250, href: '/v1/jobs/x/results' },
};
const body = JSON.stringify(job);
const EVENTS = 20_000;
const stream = [
  `id: 0\nevent: state\ndata: ${body}\n\n`,
  ...Array.from({ length: EVENTS }, (_, i) => `id: ${i + 1}\nevent: progress\ndata: {"id":"x","progress":{"items":{"done":${i},"total":${EVENTS}}}}\n\n`),
  `id: ${EVENTS + 1}\nevent: completed\ndata: {"id":"x","result":{}}\n\n`,
].join('');

const server = createServer((req, res) => {
  if (req.url?.endsWith('/events')) {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end(stream);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const client = createClient({ baseUrl, apiKey: 'bench-key' });

async function rate(label: string, inFlight: number, total: number, call: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < total) await call();
    }),
  );
  const perSecond = total / ((performance.now() - started) / 1000);
  console.log(`${label.padEnd(44)} ${inFlight.toString().padStart(2)} in flight: ${Math.round(perSecond).toLocaleString('en')} req/s`);
  return perSecond;
}

const raw = () =>
  fetch(`${baseUrl}/v1/jobs/x`, { headers: { authorization: 'Bearer bench-key', accept: 'application/json' } }).then((response) => response.json());
await rate('warm-up (bare fetch)', 8, 2_000, raw);
await rate('warm-up (client)', 8, 2_000, () => client.jobs.get('x'));
for (const inFlight of [1, 32]) {
  // Alternated rounds, best of three each, so neither side gets the warmer JIT.
  const bare: number[] = [];
  const typed: number[] = [];
  for (let round = 0; round < 3; round++) {
    bare.push(await rate('bare fetch + response.json()', inFlight, 3_000, raw));
    typed.push(await rate('client.jobs.get', inFlight, 3_000, () => client.jobs.get('x')));
  }
  console.log(
    `  best of 3, ${inFlight} in flight: client ${Math.round(Math.max(...typed))} req/s, bare fetch ${Math.round(Math.max(...bare))} req/s (${(Math.max(...typed) / Math.max(...bare)).toFixed(2)}x)`,
  );
}

const started = performance.now();
let seen = 0;
for await (const _event of client.jobs.events('x')) seen += 1;
const seconds = (performance.now() - started) / 1000;
console.log(
  `client.jobs.events: ${seen.toLocaleString('en')} events in ${(seconds * 1000).toFixed(0)} ms = ${Math.round(seen / seconds).toLocaleString('en')} events/s`,
);
server.close();
