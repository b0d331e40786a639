import { canonicalize, createVerifier, decanonicalize, type CacheHit, type SemanticCache, type VerificationPolicy } from '@llmops/cache';
import type { InferenceItem, InferenceItemResult, InferencePayload } from '@llmops/contracts';
import type { ChatRequest } from '@llmops/llm';
import type { PlatformServices } from '@llmops/services';
import type { EmbedBatcher } from './embedder';
import { retrieve, type RagContext } from './rag';

/** What every item of one job shares. */
export interface ItemRun {
  services: PlatformServices;
  cache: SemanticCache;
  tenant: string;
  jobId: string;
  payload: InferencePayload;
  signal: AbortSignal;
  /** Embeds prompts for the similarity lookup (the cache's embedding). */
  cacheEmbed: EmbedBatcher;
  /** Embedders per RAG collection model. */
  ragEmbedders: Map<string, EmbedBatcher>;
  makeEmbedder: (model: string) => EmbedBatcher;
}

/** An item prepared for the cache and the provider: canonical tokens, its cache scope. */
export interface PreparedItem {
  item: InferenceItem;
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
  system: string;
  /** The conversation without system messages: what the cache matches on. */
  prompt: string;
  toOriginal: ReadonlyMap<string, string>;
  scope: string;
  /** Spent on the cache's behalf so far (verification calls): added to the item's cost. */
  spentNanoUsd: bigint;
  /** Verification calls of the lookup, counted with the item's cache outcome. */
  verification?: { confirmed: number; rejected: number; costNanoUsd: bigint };
}

const SEP = '\u0001';

export function prepare(run: ItemRun, item: InferenceItem): PreparedItem {
  // One canonical numbering across all messages of the item, so a token means the same everywhere.
  const canonical = canonicalize(item.messages.map((m) => m.content).join(SEP));
  const contents = canonical.text.split(SEP);
  const messages = item.messages.map((m, i) => ({ role: m.role, content: contents[i] ?? '' }));
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.content)
    .join('\n');
  const prompt = messages
    .filter((m) => m.role !== 'system')
    .map((m) => (m.role === 'user' ? m.content : `${m.role}: ${m.content}`))
    .join('\n');
  const { model, parameters, rag } = run.payload;
  const scope = run.cache.scopeOf({ tenant: run.tenant, model, parameters, system, collection: rag?.collection });
  return { item, messages, system, prompt, toOriginal: canonical.toOriginal, scope, spentNanoUsd: 0n };
}

const nothing = { usage: { inputTokens: 0, outputTokens: 0 }, costNanoUsd: '0', savedNanoUsd: '0', savedTokens: 0, documents: [] };

/** The threshold and verification a job's lookups use: the request's, else the tenant's settings. */
interface LookupPolicy {
  threshold: number;
  verification: VerificationPolicy;
}
const policies = new WeakMap<ItemRun, Promise<LookupPolicy>>();
function policyOf(run: ItemRun): Promise<LookupPolicy> {
  let policy = policies.get(run);
  if (!policy) {
    policy = run.cache.settings.resolve(run.tenant).then((settings) => ({
      threshold: run.payload.cache.threshold ?? settings.threshold,
      verification: run.payload.cache.verification ? { ...settings.verification, mode: run.payload.cache.verification } : settings.verification,
    }));
    policies.set(run, policy);
    policy.catch(() => policies.delete(run));
  }
  return policy;
}

/**
 * A hit as the asker's result: the answer mapped onto the asker's own tokens (undefined when it names
 * data the asker's prompt lacks: then it is a miss), counted, and remembered for feedback.
 */
async function served(run: ItemRun, prepared: PreparedItem, hit: CacheHit, kind: 'exact' | 'semantic' | 'coalesced'): Promise<InferenceItemResult | undefined> {
  const answer = decanonicalize(hit.entry.answer, prepared.toOriginal);
  if (answer === undefined) return undefined;
  const saved = BigInt(hit.entry.costNanoUsd);
  if (run.payload.purpose === 'answer') {
    await run.cache.stats.record(run.tenant, {
      kind,
      similarity: hit.similarity,
      savedInputTokens: hit.entry.usage.inputTokens,
      savedOutputTokens: hit.entry.usage.outputTokens,
      savedNanoUsd: saved,
      ...(prepared.verification ? { verification: prepared.verification } : {}),
    });
    await run.cache.feedback.recordHit(run.jobId, prepared.item.id, {
      tenant: run.tenant,
      scope: prepared.scope,
      entryId: hit.entryId,
      kind,
      similarity: hit.similarity,
      prompt: prepared.prompt,
      entryPrompt: hit.entry.prompt,
      embedding: run.cache.embedding,
    });
  }
  return {
    status: 'answered',
    answer,
    cache: { outcome: 'hit', kind, similarity: hit.similarity, source: hit.entry.origin },
    ...nothing,
    costNanoUsd: prepared.spentNanoUsd.toString(),
    savedNanoUsd: saved.toString(),
    savedTokens: hit.entry.usage.inputTokens + hit.entry.usage.outputTokens,
    documents: hit.entry.sources.map((s) => ({ ...s, score: 0 })),
  };
}

/** The cached answer for an item, mapped onto the asker's own tokens; a miss carries the prompt's vector. */
export async function fromCache(run: ItemRun, prepared: PreparedItem): Promise<{ result: InferenceItemResult; vector?: number[] }> {
  const mode = run.payload.cache.mode;
  if (mode === 'off') return { result: { status: 'answered', cache: { outcome: 'off' }, ...nothing } };
  const exact = await run.cache.lookupExact(run.tenant, prepared.scope, prepared.prompt);
  const fromExact = exact && (await served(run, prepared, exact, 'exact'));
  if (fromExact) return { result: fromExact };
  let vector: number[] | undefined;
  if (mode === 'semantic') {
    vector = await run.cacheEmbed(prepared.prompt);
    const policy = await policyOf(run);
    const verify =
      policy.verification.mode === 'off'
        ? undefined
        : createVerifier(run.services.llm, policy.verification, {
            tenant: run.tenant,
            jobId: run.jobId,
            idempotencyKey: `${run.jobId}:verify:${prepared.item.id}`,
            signal: run.signal,
          });
    const outcome = await run.cache.lookupSimilar(run.tenant, prepared.scope, vector, {
      threshold: policy.threshold,
      prompt: prepared.prompt,
      ...(verify ? { verification: { policy: policy.verification, verify } } : {}),
    });
    prepared.spentNanoUsd += outcome.verification.costNanoUsd;
    prepared.verification = outcome.verification;
    const fromSimilar = outcome.hit && (await served(run, prepared, outcome.hit, 'semantic'));
    if (fromSimilar) return { result: fromSimilar };
  }
  return { result: { status: 'answered', cache: { outcome: 'miss' }, ...nothing }, vector };
}

/** The provider request for an item (canonical tokens only), with RAG context when asked. */
export async function buildRequest(run: ItemRun, prepared: PreparedItem): Promise<{ request: ChatRequest; rag?: RagContext }> {
  const { model, parameters } = run.payload;
  let rag: RagContext | undefined;
  let messages = prepared.messages;
  if (run.payload.rag) {
    rag = await retrieve(run.services, run.ragEmbedders, run.makeEmbedder, {
      tenant: run.tenant,
      rag: run.payload.rag,
      model,
      system: prepared.system,
      question: prepared.prompt,
      maxOutputTokens: parameters.max_tokens ?? 1_024,
    });
    const grounding = `Answer from the numbered passages below and cite them as [n].\n\n${rag.text}`;
    messages = [
      { role: 'system', content: prepared.system ? `${prepared.system}\n\n${grounding}` : grounding },
      ...messages.filter((m) => m.role !== 'system'),
    ];
  }
  return { request: { model, messages, ...parameters }, rag };
}

/**
 * Asks the provider, stores the answer in the cache, and returns the item's result. Identical
 * requests in flight at the same time (same scope and exact prompt; in this job, another job or
 * another replica) make one call: the others wait for it and are served its answer as `coalesced` hits.
 */
export async function answer(run: ItemRun, prepared: PreparedItem, vector: number[] | undefined): Promise<InferenceItemResult> {
  if (run.payload.cache.mode === 'off') return ask(run, prepared, vector);
  const { cache, tenant } = run;
  const outcome = await cache.inflight.run(prepared.scope, cache.entryIdOf(prepared.scope, prepared.prompt), {
    signal: run.signal,
    lead: async () => {
      // An identical request may have finished between this item's lookup and taking the lease.
      const again = await cache.lookupExact(tenant, prepared.scope, prepared.prompt);
      return (again && (await served(run, prepared, again, 'exact'))) || ask(run, prepared, vector);
    },
    follow: async () => {
      const hit = await cache.lookupExact(tenant, prepared.scope, prepared.prompt);
      return hit && served(run, prepared, hit, 'coalesced');
    },
  });
  return outcome.value;
}

async function ask(run: ItemRun, prepared: PreparedItem, vector: number[] | undefined): Promise<InferenceItemResult> {
  const { request, rag } = await buildRequest(run, prepared);
  // One ledger key per item: a retried or restarted job that calls again is not billed again.
  const reply = await run.services.llm.chat(request, {
    tenant: run.tenant,
    jobType: 'inference',
    jobId: run.jobId,
    idempotencyKey: `${run.jobId}:${prepared.item.id}`,
    signal: run.signal,
  });
  const text = reply.completion.choices[0]?.message.content ?? '';
  return record(run, prepared, vector, { text, usage: reply.usage, costNanoUsd: reply.costNanoUsd, rag });
}

/** Stores a fresh answer in the cache and shapes the item's result (shared by realtime and batch). */
export async function record(
  run: ItemRun,
  prepared: PreparedItem,
  vector: number[] | undefined,
  reply: { text: string; usage: { inputTokens: number; outputTokens: number }; costNanoUsd: bigint; rag?: RagContext },
): Promise<InferenceItemResult> {
  const { rag } = reply;
  const usage = { inputTokens: reply.usage.inputTokens, outputTokens: reply.usage.outputTokens };
  if (run.payload.cache.mode !== 'off') {
    await run.cache.store(run.tenant, prepared.scope, {
      prompt: prepared.prompt,
      answer: reply.text,
      vector: run.payload.cache.mode === 'semantic' ? (vector ?? (await run.cacheEmbed(prepared.prompt))) : undefined,
      sources: rag?.documents.map(({ collection, documentId, chunkId }) => ({ collection, documentId, chunkId })),
      usage,
      costNanoUsd: reply.costNanoUsd,
      origin: `${run.jobId}:${prepared.item.id}`,
    });
    // Warming answers are not demand: only real misses count and feed the scheduled warming.
    if (run.payload.purpose === 'answer') {
      await run.cache.stats.record(run.tenant, { kind: 'miss', ...(prepared.verification ? { verification: prepared.verification } : {}) });
      await run.cache.stats.recordMiss(run.tenant, {
        model: run.payload.model,
        parameters: run.payload.parameters,
        system: prepared.system,
        prompt: prepared.prompt,
      });
    }
  }
  return {
    status: 'answered',
    // Tokens the model invented (not in the prompt) stay as they are rather than failing the item.
    answer: decanonicalize(reply.text, prepared.toOriginal) ?? reply.text,
    cache: { outcome: run.payload.cache.mode === 'off' ? 'off' : 'miss' },
    usage,
    costNanoUsd: (reply.costNanoUsd + prepared.spentNanoUsd).toString(),
    savedNanoUsd: '0',
    savedTokens: 0,
    documents: rag?.documents ?? [],
    ...(rag ? { documentScope: rag.documentScope } : {}),
  };
}
