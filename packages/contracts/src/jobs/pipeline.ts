// Job type of the pipeline family: declarative prompt chains run durably over many inputs.
import { z } from 'zod';
import { defineJob } from '../catalog';
import { jobDataKeys } from '../job-keys';
import { InferenceParameters } from './inference';

/** Step ids, input variables and output fields: what templates name, so identifiers only. */
export const PipelineIdentifier = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a-z, 0-9 and _, starting with a letter (max 40)');

/** The name a definition is saved under. */
export const PipelineName = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'a-z, 0-9, _ and -, starting with a letter (max 64)');

/** Text with `{{input.x}}`, `{{step}}` or `{{step.field}}` placeholders; nothing else is evaluated. */
const Template = z.string().min(1).max(20_000);

/** A value by reference: `input.<name>` or `<step>[.field...]`. */
const Reference = z.string().regex(/^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]{1,64}){0,8}$/, 'a reference such as `input.question` or `extract.items`');

const JsonSchema = z.record(z.string(), z.unknown());

/** How a generate step calls the model. */
const GenerateFields = {
  model: z.string().min(1).max(200),
  /** The user message. */
  prompt: Template,
  system: Template.optional(),
  parameters: InferenceParameters.optional(),
  /** Default off. `semantic` tries an exact match, then similar prompts at `threshold` (default 0.95). */
  cache: z.strictObject({ mode: z.enum(['off', 'exact', 'semantic']), threshold: z.number().min(0.5).max(1).optional() }).optional(),
  /** Asks for JSON valid against this schema (response_format json_schema); the output is the parsed value. */
  schema: JsonSchema.optional(),
};

const step = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) => z.strictObject({ id: PipelineIdentifier, type: z.literal(type), ...shape });

/** One step of a pipeline. Its output is a JSON value that later steps and the output mapping name by its id. */
export const PipelineStep = z.discriminatedUnion('type', [
  /** Passages from a collection for the rendered query: `{text, documents}`. */
  step('retrieve', {
    collection: z.string().min(1).max(128),
    query: Template,
    topK: z.number().int().min(1).max(50).optional(),
    maxContextTokens: z.number().int().min(16).max(100_000).optional(),
  }),
  /** The rendered template (a string). */
  step('prompt', { template: Template }),
  /** A model answer: text, or the parsed JSON when `schema` is given. */
  step('generate', GenerateFields),
  /** `from` rendered and parsed as JSON (validated against `schema` when given). */
  step('parse', { from: Template, schema: JsonSchema.optional() }),
  /** `{valid, problem?}` of `from` against a JSON schema and/or a pattern (RE2); `onInvalid: fail` (default) fails the input. */
  step('validate', {
    from: Template,
    schema: JsonSchema.optional(),
    pattern: z.string().min(1).max(1_000).optional(),
    flags: z
      .string()
      .regex(/^[imsu]*$/)
      .optional(),
    onInvalid: z.enum(['fail', 'continue']).optional(),
  }),
  /** Runs only the steps listed under the case equal to the value at `on` (or `default`); the others are skipped. Output: the case taken. */
  step('branch', {
    on: Reference,
    cases: z.record(z.string().min(1).max(200), z.array(PipelineIdentifier).min(1).max(50)),
    default: z.array(PipelineIdentifier).max(50).optional(),
  }),
  /** Runs `step` for each element of the list at `over` (`{{item}}`, `{{index}}` in its templates); output: the list of results. */
  step('map', {
    over: Reference,
    maxItems: z.number().int().min(1).max(100),
    step: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('prompt'), template: Template }),
      z.strictObject({ type: z.literal('generate'), ...GenerateFields }),
    ]),
  }),
]);
export type PipelineStep = z.infer<typeof PipelineStep>;

/** A chain of steps over inputs with declared variables, and the fields each input's result has. */
export const PipelineDefinition = z.strictObject({
  /** The variables every input must give (`{{input.<name>}}`). */
  inputs: z.array(PipelineIdentifier).min(1).max(50),
  steps: z.array(PipelineStep).min(1).max(50),
  /** Result fields: a template each (a lone placeholder keeps the value's JSON type). */
  output: z
    .record(PipelineIdentifier, Template)
    .refine((value) => Object.keys(value).length >= 1 && Object.keys(value).length <= 50, 'between 1 and 50 fields'),
});
export type PipelineDefinition = z.infer<typeof PipelineDefinition>;

/** One input: a value per declared variable. */
export const PipelineInputValue = z.union([z.string().max(100_000), z.number().finite(), z.boolean(), z.array(z.string().max(100_000)).max(1_000)]);
export const PipelineInput = z.record(PipelineIdentifier, PipelineInputValue);
export type PipelineInput = z.infer<typeof PipelineInput>;

/** A saved definition a run or an evaluation refers to. */
export const PipelineRef = z.strictObject({ name: PipelineName, version: z.number().int().min(1).max(1_000_000) });
export type PipelineRef = z.infer<typeof PipelineRef>;

/**
 * The job payload. Inputs are not in it: the API writes them (pseudonymized) into a hash keyed by the
 * job id before enqueueing (`pipelineInputsKey`). The definition's free text is pseudonymized too.
 */
export const PipelinePayload = z.strictObject({
  definition: PipelineDefinition,
  /** The saved definition this run came from, when it did. */
  source: PipelineRef.optional(),
  inputCount: z.number().int().positive(),
});
export type PipelinePayload = z.infer<typeof PipelinePayload>;

/** The hash holding a pipeline job's inputs (field = input index). */
export function pipelineInputsKey(prefix: string, jobId: string): string {
  return jobDataKeys(prefix, jobId).pipelineInputs;
}

const Usage = z.object({ inputTokens: z.number().int(), outputTokens: z.number().int() });

/** What one step did for one input; stored as soon as it finishes, so a restarted job resumes after it. */
export const PipelineStepRecord = z.object({
  status: z.enum(['done', 'skipped', 'failed']),
  output: z.unknown().optional(),
  error: z.string().optional(),
  /** Generate steps (and maps of them): whether the answer came from the cache. */
  cache: z.enum(['hit', 'miss', 'off']).optional(),
  usage: Usage,
  costNanoUsd: z.string(),
  /** The run of the job (one worker's pass over it) that did this step: steps of an interrupted run keep theirs. */
  run: z.string(),
  finishedAt: z.string(),
  /** Retrieve steps: the chunks put into the context. */
  documents: z.array(z.object({ collection: z.string(), documentId: z.string(), chunkId: z.string(), score: z.number() })).optional(),
});
export type PipelineStepRecord = z.infer<typeof PipelineStepRecord>;

/** One input's result (item id = the input's index). Text holds pseudonyms; the API restores them for the owner. */
export const PipelineItemResult = z.object({
  status: z.enum(['completed', 'failed']),
  output: z.record(z.string(), z.unknown()).optional(),
  /** `step <id>: <reason>` for a failed input. */
  error: z.string().optional(),
  steps: z.record(z.string(), PipelineStepRecord),
  usage: Usage,
  costUsd: z.string(),
});
export type PipelineItemResult = z.infer<typeof PipelineItemResult>;

export const PipelineSummary = z.object({
  inputs: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  /** Generate steps (a map of them counts once) answered by the provider; cache hits are counted apart. */
  providerCalls: z.number().int(),
  cacheHits: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.string(),
});
export type PipelineSummary = z.infer<typeof PipelineSummary>;

export const pipelineJobs = {
  pipeline: defineJob({
    queue: 'pipeline',
    description: 'A declarative prompt chain (retrieve, prompt, generate, parse, validate, branch, map) over many inputs, resumed step by step after a crash',
    payload: PipelinePayload,
    result: PipelineSummary,
    attempts: 5,
    backoff: { type: 'exponential', delayMs: 2_000 },
    timeoutMs: 6 * 3_600_000,
  }),
};
