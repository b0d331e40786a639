// The labelled-pairs run: calibrate the cache's threshold on half of the repo's labelled pairs plus a
// generated near-miss set (pairs that differ in one fact), then run the other half through the real
// cache (LanceDB in a temp dir, Redis, the simulator's embeddings and chat as the verifier) at the
// calibrated threshold, with and without gray-band verification. Run: `pnpm bench cache-pairs`.
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { calibrate, cosine, formatCalibration } from '@llmops/eval';
import { createLlmClient } from '@llmops/llm';
import { startSimulator } from '@llmops/llm-simulator';
import { deleteKeys, uniquePrefix } from '@llmops/testing';
import { LanceDbVectorStore } from '@llmops/vector';
import {
  canonicalize,
  createSemanticCache,
  createVerifier,
  DEFAULT_CACHE_EMBEDDING,
  DEFAULT_VERIFICATION,
  embeddingId,
  embedParams,
  literalsOf,
  type VerificationPolicy,
} from '../src';

process.env.LANCEDB_LOG ??= 'error';
const redisUrl = 'redis://127.0.0.1:6379';

interface Pair {
  a: string;
  b: string;
  same: boolean;
  kind: string;
  set: string;
}
const jsonl = (path: URL, set: string): Pair[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const raw = JSON.parse(line) as { a: string; b: string; same: boolean; kind?: string };
      return { ...raw, kind: raw.kind ?? (raw.same ? 'same' : 'different'), set };
    });
const pairs = [
  ...jsonl(new URL('../corpus/pairs.jsonl', import.meta.url), 'cache-pairs'),
  ...jsonl(new URL('../../eval/corpus/cache-pairs.jsonl', import.meta.url), 'eval-pairs'),
  ...jsonl(new URL('../corpus/near-miss.jsonl', import.meta.url), 'near-miss'),
];
// Split by the asked question, so one question's pairs never sit on both sides.
const half = (p: Pair) => createHash('sha256').update(p.a).digest()[0]! % 2;
const tuning = pairs.filter((p) => half(p) === 0);
const heldOut = pairs.filter((p) => half(p) === 1);

const simulator = await startSimulator({});
const redis = new Redis(redisUrl);
const prefix = uniquePrefix('cache-pairs-bench');
const directory = await mkdtemp(join(tmpdir(), 'cache-pairs-'));
const vectors = new LanceDbVectorStore({ directory });
const llm = createLlmClient({
  redis,
  providers: { providers: [{ name: 'sim', baseURL: simulator.baseURL, apiKey: 'sim' }] },
  limiter: false,
  ledger: { keyPrefix: prefix },
});
const embedding = DEFAULT_CACHE_EMBEDDING;
const cache = createSemanticCache({ redis, prefix, vectors, embedding });
const pct = (n: number, d: number) => (d === 0 ? '  -  ' : `${((100 * n) / d).toFixed(1)}%`);

try {
  const canonical = (text: string) => canonicalize(text).text;
  const texts = [...new Set(pairs.flatMap((p) => [canonical(p.a), canonical(p.b)]))];
  const { vectors: embedded } = await llm.embed(texts, { tenant: 'bench', jobType: 'bench', ...embedParams(embedding) });
  const vectorOf = new Map(texts.map((t, i) => [t, embedded[i]!]));
  const scored = (set: Pair[]) =>
    set.map((p) => ({
      same: p.same,
      similarity: literalsOf(canonical(p.a)) === literalsOf(canonical(p.b)) ? cosine(vectorOf.get(canonical(p.a))!, vectorOf.get(canonical(p.b))!) : -1,
    }));

  console.log(`embedding ${embeddingId(embedding)} (the simulator's hashed n-grams standing in for it)`);
  console.log(
    `pairs: ${pairs.length} (cache-pairs ${pairs.filter((p) => p.set === 'cache-pairs').length}, eval-pairs ${pairs.filter((p) => p.set === 'eval-pairs').length}, near-miss ${pairs.filter((p) => p.set === 'near-miss').length}); tuning half ${tuning.length}, held-out half ${heldOut.length}`,
  );
  const everything = calibrate(scored(pairs));
  console.log(`calibrated on all ${pairs.length} pairs (literal guard on): recommended ${everything.recommendation?.threshold ?? 'none'}`);
  const tuned = calibrate(scored(tuning));
  console.log(`\ncalibration on the tuning half:\n${formatCalibration({ ...tuned, table: tuned.table.filter((row) => row.threshold >= 0.6) })}`);
  const threshold = tuned.recommendation?.threshold ?? 0.95;

  /** Stores each held-out pair's `a` in a scope of its own, then asks `b` through the cache. */
  type Mode = { name: string; threshold: number; policy?: VerificationPolicy };
  const run = async (mode: Mode) => {
    let right = 0;
    let wrong = 0;
    let verifications = 0;
    let verifyNano = 0n;
    const wrongKinds = new Map<string, number>();
    const scopes = heldOut.map((_, i) => cache.scopeOf({ tenant: 'bench', model: 'm', parameters: { mode: mode.name }, system: `pair-${i}` }));
    for (let i = 0; i < heldOut.length; i += 64) {
      await Promise.all(
        heldOut.slice(i, i + 64).map((p, j) => {
          const a = canonical(p.a);
          return cache.store('bench', scopes[i + j]!, {
            prompt: a,
            answer: `answer to ${a}`,
            vector: vectorOf.get(a)!,
            usage: { inputTokens: 1, outputTokens: 1 },
            costNanoUsd: 0n,
            origin: 'bench',
          });
        }),
      );
    }
    for (const [i, p] of heldOut.entries()) {
      const b = canonical(p.b);
      const verify = mode.policy ? createVerifier(llm, mode.policy, { tenant: 'bench', jobId: 'bench', idempotencyKey: `bench:${mode.name}:${i}` }) : undefined;
      const exact = await cache.lookupExact('bench', scopes[i]!, b);
      const similar = exact
        ? undefined
        : await cache.lookupSimilar('bench', scopes[i]!, vectorOf.get(b)!, {
            threshold: mode.threshold,
            prompt: b,
            ...(verify && mode.policy ? { verification: { policy: mode.policy, verify } } : {}),
          });
      verifications += (similar?.verification.confirmed ?? 0) + (similar?.verification.rejected ?? 0);
      verifyNano += similar?.verification.costNanoUsd ?? 0n;
      if (!(exact ?? similar?.hit)) continue;
      if (p.same) right += 1;
      else {
        wrong += 1;
        wrongKinds.set(p.kind, (wrongKinds.get(p.kind) ?? 0) + 1);
      }
    }
    const same = heldOut.filter((p) => p.same).length;
    const different = heldOut.length - same;
    console.log(
      `${mode.name.padEnd(44)} hits ${String(right).padStart(3)}/${same} same (${pct(right, same)})  wrong ${String(wrong).padStart(2)} (${pct(wrong, right + wrong)} of hits, ${pct(wrong, different)} of ${different} different)  ` +
        `verifier calls ${verifications} ($${(Number(verifyNano) / 1e9).toFixed(6)})  provider calls saved ${right}${wrong ? `  wrong by kind ${JSON.stringify(Object.fromEntries(wrongKinds))}` : ''}`,
    );
  };
  console.log(
    `\nheld-out half through the cache (calibrated threshold ${threshold}; verifier ${DEFAULT_VERIFICATION.model}, confirms at score >= ${DEFAULT_VERIFICATION.minScore}/10):`,
  );
  const policy = (mode: 'below' | 'around', band: number, minScore = DEFAULT_VERIFICATION.minScore) => ({ ...DEFAULT_VERIFICATION, mode, band, minScore });
  await run({ name: `threshold 0.95 (the old default)`, threshold: 0.95 });
  await run({ name: `threshold ${threshold}, no verification`, threshold });
  await run({ name: `threshold ${threshold}, verify [${(threshold - 0.1).toFixed(2)}, ${threshold})`, threshold, policy: policy('below', 0.1) });
  await run({ name: `threshold ${threshold}, verify [${(threshold - 0.2).toFixed(2)}, 1]`, threshold, policy: policy('around', 0.2) });
  await run({ name: `threshold ${threshold}, verify [${(threshold - 0.2).toFixed(2)}, 1] at 9/10`, threshold, policy: policy('around', 0.2, 9) });

  // Defaults per embedding size: the lowest threshold under 2% wrong hits on all pairs.
  const sizes: string[] = [];
  for (const dimensions of [256, 512, 1536]) {
    const texts2 = [...new Set(pairs.flatMap((p) => [canonical(p.a), canonical(p.b)]))];
    const { vectors: v } = await llm.embed(texts2, { tenant: 'bench', jobType: 'bench', model: embedding.model, dimensions });
    const of = new Map(texts2.map((t, i) => [t, v[i]!]));
    const report = calibrate(
      pairs.map((p) => ({
        same: p.same,
        similarity: literalsOf(canonical(p.a)) === literalsOf(canonical(p.b)) ? cosine(of.get(canonical(p.a))!, of.get(canonical(p.b))!) : -1,
      })),
    );
    const paraphrases = calibrate(
      pairs
        .filter((p) => p.set !== 'near-miss')
        .map((p) => ({
          same: p.same,
          similarity: literalsOf(canonical(p.a)) === literalsOf(canonical(p.b)) ? cosine(of.get(canonical(p.a))!, of.get(canonical(p.b))!) : -1,
        })),
    );
    const r = report.recommendation;
    const q = paraphrases.recommendation;
    sizes.push(
      `${embedding.model}@${dimensions}: ${r ? `${r.threshold} (hit rate ${pct(r.hitRate, 1)})` : 'none'}; without the near-miss set ${q ? `${q.threshold} (hit rate ${pct(q.hitRate, 1)})` : 'none'}`,
    );
  }
  console.log(`
recommended threshold on all ${pairs.length} pairs, per embedding size:\n  ${sizes.join('\n  ')}`);
} finally {
  await llm.close();
  await vectors.close();
  await simulator.close();
  await deleteKeys(redisUrl, prefix);
  redis.disconnect();
  await rm(directory, { recursive: true, force: true });
}
