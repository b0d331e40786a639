import { z } from 'zod';
import { PipelineDefinition } from '@llmops/contracts';
import { TunedModel } from '@llmops/finetune';
import { acceptedFields } from './jobs';
import { component } from './registry';

export const PipelineAccepted = component(
  z.object({ ...acceptedFields, results: z.string(), pipeline: z.object({ name: z.string(), version: z.number().int() }).optional() }),
  {
    id: 'PipelineAccepted',
    description:
      "A pipeline run was accepted; `results` pages each input's output with the caller's data restored; `pipeline` names the saved version it runs.",
  },
);

const savedFields = { name: z.string(), version: z.number().int(), createdAt: z.string() };

export const PipelineDefinitionSaved = component(z.object(savedFields), {
  id: 'PipelineDefinitionSaved',
  description: 'The name and the version this definition was saved as.',
});

export const PipelineDefinitionList = component(z.object({ definitions: z.array(z.object({ name: z.string(), latest: z.number().int() })) }), {
  id: 'PipelineDefinitionList',
  description: "The caller's saved pipelines and their latest versions.",
});

export const PipelineDefinitionView = component(z.object({ ...savedFields, definition: PipelineDefinition }), {
  id: 'PipelineDefinitionView',
  description: "A saved pipeline version with the owner's personal data restored.",
});

const fineTuneSummary = {
  baseModel: z.string(),
  examples: z.number().int(),
  trainingExamples: z.number().int(),
  heldOutExamples: z.number().int(),
  tokens: z.object({ dataset: z.number().int(), training: z.number().int(), largestExample: z.number().int() }),
  trainingContextTokens: z.number().int(),
  /** Dollars (decimal string) at the registry's training price per million tokens, for `epochs` epochs. */
  estimate: z.object({ usd: z.string(), trainingPerMTok: z.string(), epochs: z.number().int() }),
};

export const FineTuneEstimate = component(z.object({ dryRun: z.literal(true), ...fineTuneSummary }), {
  id: 'FineTuneEstimate',
  description: 'A dry run: the checked dataset, its tokens and the training estimate; nothing was spent or enqueued.',
});

export const FineTuneAccepted = component(z.object({ ...acceptedFields, ...fineTuneSummary }), {
  id: 'FineTuneAccepted',
  description: 'The fine-tune job was accepted, with the checked dataset and the training estimate.',
});

export const TunedModelList = component(z.object({ models: z.array(TunedModel) }), {
  id: 'TunedModelList',
  description: "The caller's fine-tuned models, newest first; usable wherever a chat model is.",
});

const Pair = z.object({ rag: z.string(), fineTune: z.string() });
const Cheaper = z.enum(['rag', 'fine-tune']);

export const RagVsFineTuneAdvice = component(
  z.object({
    /** Every input of the computation (collection, traffic, RAG and fine-tune settings). */
    inputs: z.record(z.string(), z.unknown()),
    /** Prices used, USD per million tokens. */
    prices: z.record(z.string(), z.string()),
    table: z.array(z.object({ item: z.string(), rag: z.string(), fineTune: z.string(), how: z.string() })),
    monthly: Pair,
    firstYear: Pair,
    /** Queries a month above which fine-tuning costs less; null when it never does. */
    breakEven: z.object({ monthlyQueries: z.number().nullable(), firstYearQueries: z.number().nullable() }),
    cheaper: z.object({ monthly: Cheaper, firstYear: Cheaper }),
    notes: z.array(z.string()),
    /** Where each input came from (the collection, the ingestion history, the cache, the request). */
    sources: z.record(z.string(), z.string()),
  }),
  {
    id: 'RagVsFineTuneAdvice',
    description: 'Monthly and first-year cost of RAG against a fine-tuned model (exact decimals), the break-even traffic and every input with its source.',
  },
);
