// pnpm bench ingest: the ingestion pipeline (API -> job -> real worker -> simulator with 50 ms per
// request -> LanceDB) beside a naive one-request-per-chunk loop; then search latency and recall@10
// against exact search on 100,000 vectors in the embedded store.
// Knobs: DOCS (1000), NAIVE_DOCS (200), ROWS (100000), QUERIES (200).
import { piiScope, planChunks, pointId, protectDocument, storedCollectionName, chunkHasher, type VectorPoint } from '@llmops/ingest';
import { embedText } from '@llmops/llm-simulator';
import { keys, startPlatform } from '../test/fixtures/platform-harness';
import { call, embeddingRequests, finished, ingest, makeDocs, search } from '../test/ingest-fixtures';
import { embedAll, exactTopK, percentile, perturb, rng, topicalTexts } from './ingest-search-corpus';

const DOCS = Number(process.env.DOCS ?? 1_000);
const NAIVE_DOCS = Number(process.env.NAIVE_DOCS ?? 200);
const ROWS = Number(process.env.ROWS ?? 100_000);
const QUERIES = Number(process.env.QUERIES ?? 200);
const LATENCY_MS = 50;
const started = performance.now();
const since = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const log = (message: string) => console.log(`[${since()}] ${message}`);

const h = await startPlatform('bench-ingest', { simulator: { latencyMs: LATENCY_MS }, env: { LANCEDB_LOG: 'error' } });
try {
  await h.startWorker();
  const docs = makeDocs(DOCS, 'bench');
  const rows: string[] = [];

  // 1. The pipeline, first run and an unchanged re-run.
  for (const label of ['pipeline, first run', 'pipeline, unchanged re-run']) {
    const mark = h.simulator.log.latestId;
    const t0 = performance.now();
    const jobId = await ingest(h.api.url, keys.alice, 'bench', docs);
    const ticker = setInterval(() => {
      void call(`${h.api.url}/v1/jobs/${jobId}`, keys.alice).then((view) => log(`  ${label}: ${JSON.stringify(view.body.progress)}`));
    }, 5_000);
    const result = await finished(h.api.url, keys.alice, jobId, 600_000).finally(() => clearInterval(ticker));
    const seconds = (performance.now() - t0) / 1000;
    const requests = embeddingRequests(h.simulator.log.list(mark)).length;
    log(`${label}: ${DOCS} docs in ${seconds.toFixed(1)} s, chunks ${JSON.stringify(result.chunks)}, ${result.tokens} tokens, $${result.costUsd}`);
    rows.push(`| ${label} | ${DOCS} | ${(DOCS / seconds).toFixed(1)} | ${requests} | ${result.chunks.new} |`);
  }

  // 2. Naive: same work per document (pseudonymize, chunk, hash), one embedding request per chunk, one upsert per document.
  {
    const services = h.services;
    const name = 'naive';
    const stored = storedCollectionName('alice', name);
    await services.vectors.ensureCollection({ name: stored, dimensions: 1536, distance: 'cosine', meta: { model: 'text-embedding-3-small' } });
    const context = { scope: piiScope('alice', name), policy: services.piiPolicyFor('alice'), vault: services.vault };
    const hash = chunkHasher(services.vault, 'text-embedding-3-small');
    const mark = h.simulator.log.latestId;
    const t0 = performance.now();
    let chunks = 0;
    for (const [n, doc] of docs.slice(0, NAIVE_DOCS).entries()) {
      const safe = await protectDocument(doc, context);
      const points: VectorPoint[] = [];
      for (const chunk of planChunks(safe.text, { model: 'text-embedding-3-small' }, hash)) {
        const { vectors } = await services.llm.embed([chunk.text], { model: 'text-embedding-3-small', tenant: 'alice', jobType: 'bench-naive' });
        points.push({
          id: pointId('alice', name, doc.id, chunk.index),
          vector: vectors[0]!,
          payload: {
            documentId: doc.id,
            chunkIndex: chunk.index,
            hash: chunk.hash,
            text: chunk.text,
            start: chunk.start,
            end: chunk.end,
            metadata: safe.metadata,
          },
        });
      }
      chunks += points.length;
      await services.vectors.forTenant('alice').upsert(stored, points);
      if (n % 50 === 49) log(`  naive: ${n + 1}/${NAIVE_DOCS} docs`);
    }
    const seconds = (performance.now() - t0) / 1000;
    const requests = embeddingRequests(h.simulator.log.list(mark)).length;
    log(`naive loop: ${NAIVE_DOCS} docs in ${seconds.toFixed(1)} s, ${chunks} chunks`);
    rows.push(`| naive loop (first ${NAIVE_DOCS} docs) | ${NAIVE_DOCS} | ${(NAIVE_DOCS / seconds).toFixed(1)} | ${requests} | ${chunks} |`);
  }

  // 3. API search on the ingested collection (query embedding included: one simulator request, 50 ms).
  const apiLatencies: number[] = [];
  for (let q = 0; q < 50; q++) {
    const doc = docs[(q * 37) % docs.length]!;
    const t0 = performance.now();
    await search(h.api.url, keys.alice, 'bench', { query: doc.text.slice(0, 200), topK: 10 });
    apiLatencies.push(performance.now() - t0);
  }
  apiLatencies.sort((a, b) => a - b);

  // 4. The embedded store at 100,000 vectors: 384-dim simulator embeddings of topical texts, 4 tenants.
  const DIM = 384;
  const TENANTS = 4;
  const texts = topicalTexts(ROWS, 2_000);
  const vectors = embedAll(texts, DIM, (done) => log(`  embedding corpus ${done}/${ROWS}`));
  const store = h.services.vectors;
  const name = 'bench-100k';
  await store.ensureCollection({ name, dimensions: DIM, distance: 'cosine', meta: { model: 'sim-384' } });
  const tenantOf = (i: number) => `tenant-${i % TENANTS}`;
  const idOf = (i: number) => pointId(tenantOf(i), name, `doc-${i}`, 0);
  for (let start = 0; start < ROWS; start += 5_000) {
    for (let t = 0; t < TENANTS; t++) {
      const points: VectorPoint[] = [];
      for (let i = start + t; i < Math.min(ROWS, start + 5_000); i += TENANTS) {
        points.push({
          id: idOf(i),
          vector: vectors[i]!,
          payload: { documentId: `doc-${i}`, chunkIndex: 0, hash: `h${i}`, text: texts[i]!, start: 0, end: texts[i]!.length, metadata: {} },
        });
      }
      await store.forTenant(tenantOf(t)).upsert(name, points);
    }
    log(`  upserted ${Math.min(ROWS, start + 5_000)}/${ROWS}`);
  }
  const m0 = performance.now();
  const ticker = setInterval(() => log('  maintain(): compaction + HNSW_SQ index build...'), 15_000);
  await store.maintain();
  clearInterval(ticker);
  log(`maintain() at ${ROWS} rows: ${((performance.now() - m0) / 1000).toFixed(1)} s`);

  const next = rng(99);
  const byTenant = Array.from({ length: TENANTS }, (_, t) => Array.from({ length: Math.ceil((ROWS - t) / TENANTS) }, (_, k) => t + k * TENANTS));
  const latencies: number[] = [];
  let found = 0;
  for (let q = 0; q < QUERIES; q++) {
    const i = Math.floor(next() * ROWS);
    const tenant = i % TENANTS;
    const query = embedText(perturb(texts[i]!, next), DIM);
    const truth = new Set(exactTopK(vectors, byTenant[tenant]!, query, 10).map(idOf));
    const t0 = performance.now();
    const hits = await store.forTenant(tenantOf(tenant)).search(name, { vector: query, topK: 10 });
    latencies.push(performance.now() - t0);
    found += hits.filter((hit) => truth.has(hit.id)).length;
  }
  latencies.sort((a, b) => a - b);

  console.log(`\n## ingest bench (simulator latency ${LATENCY_MS} ms per request, 1 worker, LanceDB)`);
  console.log('| run | docs | docs/s | embedding requests | chunks embedded |\n|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(
    `\nAPI search (50 queries on ${DOCS} docs, incl. query embedding at ${LATENCY_MS} ms): p50 ${percentile(apiLatencies, 0.5).toFixed(1)} ms, p99 ${percentile(apiLatencies, 0.99).toFixed(1)} ms`,
  );
  console.log(
    `store search at ${ROWS} vectors (${DIM}-dim, ${TENANTS} tenants, HNSW_SQ, ${QUERIES} queries): p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, recall@10 vs exact ${(found / (QUERIES * 10)).toFixed(3)}`,
  );
  log('done');
} finally {
  await h.close();
}
