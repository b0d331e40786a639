import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullPrefix, INGEST_PART_DOCUMENTS, jobDataKeys, platformCatalog } from '@llmops/contracts';
import { isCluster } from '@llmops/redis';
import { startRedisCluster, waitFor, type OwnRedisCluster } from '@llmops/testing';
import { auth, json, keys, startPlatform, type PlatformHarness } from './fixtures/platform-harness';
import { finished, ingest, type Doc } from './ingest-fixtures';

// The platform end to end on a real Redis Cluster (three masters, three replicas): the API, two worker
// processes and the simulator, with REDIS_URL a redis+cluster:// URL. A transaction, multi-key
// command or script whose keys span slots fails on a cluster, so every path below proves its keys
// share one. The same flows run on a single Redis in ingest-flow, inference-modes, evaluation and
// tenant-limits.
const tenants = { dave: 'dave-key-0123456789', erin: 'erin-key-0123456789' };
const TENANT_LIMITS = JSON.stringify({ dave: { concurrency: { maxJobs: 1 } }, erin: { rate: { perSecond: 0.001, burst: 3 } } });

let cluster: OwnRedisCluster;
let h: PlatformHarness;
beforeAll(async () => {
  cluster = await startRedisCluster();
  // REDIS_WAIT_REPLICAS=1: a 202 means the job is on a replica too (see the failover test).
  h = await startPlatform('cluster', { env: { REDIS_URL: cluster.url, TENANT_LIMITS, REDIS_WAIT_REPLICAS: '1' }, tenants, simulator: { batchDelayMs: 300 } });
  await h.startWorker({ WORKER_ID: 'cluster-1' });
  await h.startWorker({ WORKER_ID: 'cluster-2' });
}, 120_000);
afterAll(async () => {
  await h?.close();
  await cluster?.stop();
});

async function post(path: string, body: unknown, key = keys.alice, headers: Record<string, string> = {}) {
  const response = await fetch(`${h.api.url}${path}`, { method: 'POST', headers: { ...json(key), ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { id: string } };
}
const view = async (id: string, key = keys.alice) =>
  (await (await fetch(`${h.api.url}/v1/jobs/${id}`, { headers: auth(key) })).json()) as {
    state: string;
    error: unknown;
    result: Record<string, unknown> | null;
  };
const completed = (id: string, key = keys.alice) =>
  waitFor(
    async () => {
      const job = await view(id, key);
      if (job.state === 'failed') throw new Error(`job ${id} failed: ${JSON.stringify(job.error)}`);
      return job.state === 'completed' && job.result ? job : undefined;
    },
    { what: `job ${id}`, timeoutMs: 120_000 },
  );
type ItemResult = { id: string; status: string; cache: { outcome: string }; documents: { documentId: string }[] };
const results = async (id: string) =>
  ((await (await fetch(`${h.api.url}/v1/inference/${id}/results?limit=1000`, { headers: auth(keys.alice) })).json()) as { items: ItemResult[] }).items;
const ask = (id: string, content: string) => ({ id, messages: [{ role: 'user', content }] });

describe('the platform on a Redis Cluster', () => {
  it('spreads the queues and the jobs over the masters', async () => {
    // The API, the services and both workers (their heartbeats) are on the cluster.
    expect(isCluster(h.redis)).toBe(true);
    expect(await h.redis.zcard(`${h.prefix}:workers`)).toBe(2);
    const queueMasters = new Set(
      await Promise.all(Object.values(platformCatalog).map((definition) => cluster.masterOf(`${bullPrefix(h.prefix, definition)}:${definition.queue}:wait`))),
    );
    expect(queueMasters.size).toBeGreaterThan(1);
    // A flow child's queue shares its parent's slot.
    expect(await cluster.masterOf(`${bullPrefix(h.prefix, platformCatalog['ingest-part'])}:x`)).toBe(
      await cluster.masterOf(`${bullPrefix(h.prefix, platformCatalog.ingest)}:x`),
    );
    const jobMasters = new Set(await Promise.all(Array.from({ length: 12 }, (_, i) => cluster.masterOf(jobDataKeys(h.prefix, `inference-${i}`).results))));
    expect(jobMasters.size).toBe(3);
  });

  it('ingests a large upload (a flow of parts), answers with RAG, then from the semantic cache', async () => {
    const count = INGEST_PART_DOCUMENTS + 20;
    const docs: Doc[] = Array.from({ length: count }, (_, i) => ({
      id: `d-${i}`,
      text: i === 7 ? 'Employees get 28 days of paid leave per year.' : `Note ${i}: the pump at station ${i} was serviced.`,
    }));
    const summary = await finished(h.api.url, keys.alice, await ingest(h.api.url, keys.alice, 'handbook', docs));
    expect(summary.documents).toEqual({ total: count, new: count, updated: 0, unchanged: 0 });

    const body = {
      model: 'gpt-4o-mini',
      items: [ask('q', 'How many days of paid leave do employees get?')],
      rag: { collection: 'handbook', topK: 2, maxContextTokens: 200 },
    };
    const first = await post('/v1/inference', body);
    expect(first.status).toBe(202);
    await completed(first.body.id);
    const [answer] = await results(first.body.id);
    expect(answer?.status).toBe('answered');
    expect(answer?.documents.map((d) => d.documentId)).toContain('d-7');
    const again = await post('/v1/inference', body);
    await completed(again.body.id);
    expect((await results(again.body.id))[0]?.cache.outcome).toBe('hit');
    // Queue gauges read every queue on its own master.
    const metrics = await (await fetch(`${h.api.url}/metrics`)).text();
    expect(metrics).toMatch(/llmops_queue_jobs\{queue="inference",state="completed"\} 2\b/);
    expect(metrics).toMatch(/llmops_queue_jobs\{queue="ingest-part",state="completed"\} 2\b/);
  }, 180_000);

  it('evaluates with an LLM judge through the Batch API and compares against a baseline', async () => {
    const cases = [
      { id: 'a', input: 'What is 2+2?', output: '4', expected: '4' },
      { id: 'b', input: 'Capital of France?', output: 'Paris', expected: 'Paris' },
    ];
    const graders = [{ type: 'exact' }, { type: 'rubric', rubric: 'correctness' }];
    const baseline = await post('/v1/evaluations', { cases, graders, judge: { mode: 'batch', pollIntervalMs: 200 } });
    expect(baseline.status, JSON.stringify(baseline.body)).toBe(202);
    const first = await completed(baseline.body.id);
    expect((first.result as { graders: Record<string, { graded: number }> }).graders.correctness?.graded).toBe(2);
    const compared = await post('/v1/evaluations', { cases, graders, judge: { mode: 'batch', pollIntervalMs: 200 }, baseline: baseline.body.id });
    expect(compared.status, JSON.stringify(compared.body)).toBe(202);
    const report = (await completed(compared.body.id)).result as { comparison?: unknown };
    expect(report.comparison).toBeTruthy();
  }, 180_000);

  it('applies tenant limits: a rate past its burst is 429, a second job at once is 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${h.api.url}/v1/jobs`, { headers: auth(tenants.erin) })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    h.simulator.configure({ latencyMs: 300 });
    const items = Array.from({ length: 20 }, (_, i) => ask(`l${i}`, `Question ${i}`));
    const running = await post('/v1/inference', { model: 'gpt-4o-mini', items, cache: { mode: 'off' } }, tenants.dave);
    expect(running.status).toBe(202);
    const second = await post('/v1/inference', { model: 'gpt-4o-mini', items: items.slice(0, 1), cache: { mode: 'off' } }, tenants.dave);
    expect(second.status).toBe(429);
    h.simulator.configure({ latencyMs: 0 });
    await completed(running.body.id, tenants.dave);
  }, 120_000);

  it('replays an Idempotency-Key and cancels a running job through pub/sub', async () => {
    h.simulator.configure({ latencyMs: 200 });
    const body = { model: 'gpt-4o-mini', items: Array.from({ length: 200 }, (_, i) => ask(`c${i}`, `Long question ${i}`)), cache: { mode: 'off' } };
    const first = await post('/v1/inference', body, keys.alice, { 'Idempotency-Key': 'cluster-key-1' });
    const replay = await post('/v1/inference', body, keys.alice, { 'Idempotency-Key': 'cluster-key-1' });
    expect(first.status).toBe(202);
    expect(replay.body.id).toBe(first.body.id);
    await waitFor(async () => (await view(first.body.id)).state === 'active', { what: 'the job running' });
    const cancel = await fetch(`${h.api.url}/v1/jobs/${first.body.id}`, { method: 'DELETE', headers: auth(keys.alice) });
    expect(cancel.status).toBe(202);
    await waitFor(async () => (await view(first.body.id)).state === 'cancelled', { what: 'cancelled', timeoutMs: 30_000 });
    h.simulator.configure({ latencyMs: 0 });
  }, 60_000);
});

// Last: the cluster keeps running with one master less (its replica promoted, no replica left for it).
describe('a master killed while jobs are submitted and run', () => {
  it("loses no accepted job: the replica of the queue's master takes over and every 202 completes", async () => {
    h.simulator.configure({ latencyMs: 20 });
    const queueMaster = await cluster.masterOf(`${bullPrefix(h.prefix, platformCatalog.inference)}:inference:wait`);
    const accepted: string[] = [];
    const refused: number[] = [];
    let stop = false;
    const submitter = (async () => {
      for (let i = 0; !stop; i++) {
        const response = await post('/v1/inference', { model: 'gpt-4o-mini', items: [ask(`f${i}`, `Failover question ${i}`)], cache: { mode: 'off' } }).catch(
          () => ({ status: 0, body: { id: '' } }),
        );
        if (response.status === 202) accepted.push(response.body.id);
        else refused.push(response.status);
      }
    })();
    await waitFor(() => accepted.length >= 20 || undefined, { what: '20 jobs accepted before the kill' });
    const killedAt = accepted.length;
    const started = Date.now();
    const promoted = await cluster.kill(queueMaster);
    const failoverMs = Date.now() - started;
    expect(promoted).toBeDefined();
    await waitFor(() => accepted.length >= killedAt + 20 || undefined, { what: '20 more jobs accepted after the failover', timeoutMs: 60_000 });
    stop = true;
    await submitter;

    const lost: string[] = [];
    for (const id of accepted) {
      const state = await waitFor(
        async () => {
          const response = await fetch(`${h.api.url}/v1/jobs/${id}`, { headers: auth(keys.alice) });
          if (response.status === 404) return 'lost';
          const job = (await response.json()) as { state: string };
          return ['completed', 'failed'].includes(job.state) ? job.state : undefined;
        },
        { what: `job ${id} ended`, timeoutMs: 120_000 },
      );
      if (state !== 'completed') lost.push(`${id}: ${state}`);
    }
    console.log(
      `failover: master :${queueMaster} killed with ${killedAt} jobs accepted, replica :${promoted} serving after ${failoverMs} ms; ` +
        `${accepted.length} accepted in all, ${accepted.length - lost.length} completed, ${refused.length} submissions refused meanwhile (${[...new Set(refused)].join(', ') || 'none'})`,
    );
    expect(lost).toEqual([]);
    expect(refused.every((status) => status === 503)).toBe(true);
    h.simulator.configure({ latencyMs: 0 });
  }, 240_000);
});
