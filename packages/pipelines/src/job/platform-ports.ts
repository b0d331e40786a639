import { canonicalize, decanonicalize, type SemanticCache } from '@llmops/cache';
import { DEFAULT_EMBEDDING_MODEL, storedCollectionName } from '@llmops/ingest';
import { FatalError, type ChatRequest } from '@llmops/llm';
import { NonRetriableError } from '@llmops/queue';
import { costOf, countWithEncoding, encodingForModel, toNanoUsd } from '@llmops/tokens';
import type { ProcessorDeps } from '@llmops/services';
import { StepFailure, type GenerateCall, type GenerateOutcome, type PipelinePorts, type RetrieveOutcome } from '../ports';
import type { Embedder, InferenceSearch } from './search';

/** Who the calls of one pipeline run are for. */
export interface PortScope {
  tenant: string;
  jobId: string;
  /** The ledger's job type: `pipeline`, or `evaluation` when an evaluation runs a pipeline as its generator. */
  jobType: string;
  signal: AbortSignal;
  /** The model retrieved passages are fitted for (the definition's first generation model). */
  contextModel: string;
}

const SEP = '\u0001';

/**
 * The platform behind a pipeline's ports: generations through the LLM client (budgets, limiter,
 * ledger keyed per input and step) and the semantic cache, retrieval through the vector store, as
 * inference does them. A refusal of one request (its input) fails that input's step; anything else
 * is thrown for the job to retry.
 */
export function platformPorts(deps: ProcessorDeps, cache: SemanticCache, search: InferenceSearch, scope: PortScope): PipelinePorts {
  const context = { tenant: scope.tenant, jobId: scope.jobId, jobType: scope.jobType, signal: scope.signal };
  const cacheEmbed = search.createEmbedBatcher(deps.services.llm, context, search.cacheEmbedding);
  const embedders = new Map<string, Embedder>();
  const makeEmbedder = (model: string) => search.createEmbedBatcher(deps.services.llm, context, { model });
  const models = new Map<string, Promise<string>>();
  const collectionModel = (collection: string) => {
    let model = models.get(collection);
    if (!model) {
      model = deps.services.vectors
        .describeCollection(storedCollectionName(scope.tenant, collection))
        .then((info) => String(info?.meta.model ?? DEFAULT_EMBEDDING_MODEL));
      models.set(collection, model);
    }
    return model;
  };

  async function generate(call: GenerateCall): Promise<GenerateOutcome> {
    // One canonical numbering of pseudonym tokens across system and prompt, so cached answers fit any job's tokens.
    const canonical = canonicalize(`${call.system ?? ''}${SEP}${call.prompt}`);
    const [system = '', prompt = ''] = canonical.text.split(SEP);
    const parameters = { ...call.parameters, ...(call.schema ? { response_schema: call.schema } : {}) };
    const cacheScope = call.cache.mode === 'off' ? undefined : cache.scopeOf({ tenant: scope.tenant, model: call.model, parameters, system });
    let vector: number[] | undefined;
    if (cacheScope) {
      const exact = await cache.lookupExact(scope.tenant, cacheScope, prompt);
      const hit = exact && decanonicalize(exact.entry.answer, canonical.toOriginal);
      if (exact && hit !== undefined) return served(exact.entry.usage, BigInt(exact.entry.costNanoUsd), hit, 'exact', 1);
      if (call.cache.mode === 'semantic') {
        vector = await cacheEmbed(prompt);
        const similar = (await cache.lookupSimilar(scope.tenant, cacheScope, vector, { threshold: call.cache.threshold, prompt })).hit;
        const text = similar && decanonicalize(similar.entry.answer, canonical.toOriginal);
        if (similar && text !== undefined) return served(similar.entry.usage, BigInt(similar.entry.costNanoUsd), text, 'semantic', similar.similarity);
      }
      await cache.stats.record(scope.tenant, { kind: 'miss' });
    }
    const request: ChatRequest = {
      model: call.model,
      messages: [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user' as const, content: prompt }],
      ...call.parameters,
      ...(call.schema ? { response_format: { type: 'json_schema' as const, json_schema: { name: 'step_output', schema: call.schema, strict: false } } } : {}),
    };
    const reply = await refusalsFailTheStep(() => deps.services.llm.chat(request, { ...context, idempotencyKey: call.idempotencyKey }));
    const text = reply.completion.choices[0]?.message.content ?? '';
    const usage = { inputTokens: reply.usage.inputTokens, outputTokens: reply.usage.outputTokens };
    if (cacheScope) {
      await cache.store(scope.tenant, cacheScope, {
        prompt,
        answer: text,
        ...(call.cache.mode === 'semantic' ? { vector: vector ?? (await cacheEmbed(prompt)) } : {}),
        usage,
        costNanoUsd: reply.costNanoUsd,
        origin: call.idempotencyKey,
      });
    }
    // Tokens the model invented stay as they are.
    return { text: decanonicalize(text, canonical.toOriginal) ?? text, cache: cacheScope ? 'miss' : 'off', usage, costNanoUsd: reply.costNanoUsd };

    async function served(
      saved: { inputTokens: number; outputTokens: number },
      savedNanoUsd: bigint,
      text: string,
      kind: 'exact' | 'semantic',
      similarity: number,
    ): Promise<GenerateOutcome> {
      await cache.stats.record(scope.tenant, { kind, similarity, savedInputTokens: saved.inputTokens, savedOutputTokens: saved.outputTokens, savedNanoUsd });
      return { text, cache: 'hit', usage: { inputTokens: 0, outputTokens: 0 }, costNanoUsd: 0n };
    }
  }

  return {
    generate,
    async retrieve(call): Promise<RetrieveOutcome> {
      const found = await refusalsFailTheStep(() =>
        search.retrieve(deps.services, embedders, makeEmbedder, {
          tenant: scope.tenant,
          rag: { collection: call.collection, topK: call.topK, maxContextTokens: call.maxContextTokens },
          model: scope.contextModel,
          system: '',
          question: call.query,
          maxOutputTokens: 0,
        }),
      );
      // The query's embedding is billed with other embeddings of the job; its share is its tokens' price.
      const model = await collectionModel(call.collection);
      const info = deps.services.registry.get(model);
      const tokens = countWithEncoding(call.query, encodingForModel(model));
      const cost = info ? toNanoUsd(costOf(info, { inputTokens: tokens })) : 0n;
      return { text: found.text, documents: found.documents, usage: { inputTokens: tokens, outputTokens: 0 }, costNanoUsd: cost };
    },
  };
}

/** A refusal of this one request (its input, a vanished collection) fails the step; stopping refusals stop the job. */
async function refusalsFailTheStep<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if ((error instanceof FatalError && !error.stopsJob) || error instanceof NonRetriableError) throw new StepFailure(error.message);
    throw error;
  }
}
