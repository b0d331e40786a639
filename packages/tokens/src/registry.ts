import { z } from 'zod';
import { OPENAI_EMBEDDING_LIMITS, OPENAI_MODELS, type ModelInfo } from './models';

/** Thrown by `registry.require` for a model the registry does not know. */
export class UnknownModelError extends Error {
  override readonly name = 'UnknownModelError';
  constructor(readonly model: string) {
    super(`Unknown model "${model}": add it with a ModelOverride (name, kind, contextWindow, ...)`);
  }
}

/** maxOutputTokens of an added chat model that names none (capped at its context window). */
const DEFAULT_MAX_OUTPUT_TOKENS = 4096;

const usd = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal string such as "0.15"');
const count = z.number().int().nonnegative();

/**
 * A model added to, or changed in, a registry: `name` plus any ModelInfo fields. For a known model
 * the given fields replace the defaults (pricing and embedding field by field). A new model needs
 * `kind` and `contextWindow` (and `embedding.dimensions` for embeddings); `maxOutputTokens` defaults
 * to min(4096, contextWindow) for chat and 0 for embeddings, `encoding` to cl100k_base (only an
 * approximation for non-OpenAI tokenizers), prices to "0" and embedding limits to OpenAI's.
 */
export const ModelOverride = z.strictObject({
  name: z.string().min(1),
  kind: z.enum(['chat', 'embedding']).optional(),
  encoding: z.enum(['cl100k_base', 'o200k_base']).optional(),
  contextWindow: count.positive().optional(),
  maxOutputTokens: count.optional(),
  pricing: z
    .strictObject({
      inputPerMTok: usd.optional(),
      outputPerMTok: usd.optional(),
      cachedInputPerMTok: usd.optional(),
      batchInputPerMTok: usd.optional(),
      batchOutputPerMTok: usd.optional(),
      trainingPerMTok: usd.optional(),
    })
    .optional(),
  /** Makes a chat model fine-tunable (or changes its limits and its tuned models' prices). */
  fineTuning: z
    .strictObject({
      trainingContextTokens: count.positive().optional(),
      tunedPricing: z
        .strictObject({
          inputPerMTok: usd.optional(),
          outputPerMTok: usd.optional(),
          cachedInputPerMTok: usd.optional(),
          batchInputPerMTok: usd.optional(),
          batchOutputPerMTok: usd.optional(),
        })
        .optional(),
    })
    .optional(),
  embedding: z
    .strictObject({
      dimensions: count.positive().optional(),
      maxInputsPerRequest: count.positive().optional(),
      maxTokensPerRequest: count.positive().optional(),
      maxTokensPerInput: count.positive().optional(),
    })
    .optional(),
});
export type ModelOverride = z.infer<typeof ModelOverride>;

/** Models by name; built once from data and overrides, then read-only. */
export interface ModelRegistry {
  /**
   * The model, or undefined. A dated snapshot ("gpt-4o-2024-08-06") falls back to its alias; a
   * fine-tuned id (`ft:gpt-4o-mini-2024-07-18:org::abc`) is its base at the tuned prices, when the
   * base is fine-tunable. Which tenant may use a tuned model is not the registry's business.
   */
  get(name: string): ModelInfo | undefined;
  /** The model, or throws {@link UnknownModelError} naming it. */
  require(name: string): ModelInfo;
  /** Every model, defaults first then added ones, in a stable order. */
  list(): ModelInfo[];
}

/**
 * Parses model overrides from JSON text (an array of overrides, or one), typically the content of an
 * environment variable that the app reads. Blank text means none. Throws an Error naming each bad
 * field's path.
 */
export function parseModelOverrides(json: string): ModelOverride[] {
  if (json.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`Model overrides are not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const result = z.array(ModelOverride).safeParse(Array.isArray(value) ? value : [value]);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`Invalid model overrides: ${issues.join('; ')}`);
  }
  return result.data;
}

function applyOverride(base: ModelInfo | undefined, o: ModelOverride): ModelInfo {
  const kind = o.kind ?? base?.kind;
  const contextWindow = o.contextWindow ?? base?.contextWindow;
  if (!kind || contextWindow === undefined) {
    throw new Error(`Model override "${o.name}" adds a model: it needs kind and contextWindow`);
  }
  const defaultOutput = kind === 'embedding' ? 0 : Math.min(DEFAULT_MAX_OUTPUT_TOKENS, contextWindow);
  const maxOutputTokens = o.maxOutputTokens ?? base?.maxOutputTokens ?? defaultOutput;
  const defined = <T extends object>(v: T | undefined) => Object.fromEntries(Object.entries(v ?? {}).filter(([, x]) => x !== undefined)) as Partial<T>;
  const pricing = { inputPerMTok: '0', outputPerMTok: '0', ...base?.pricing, ...defined(o.pricing) };
  const info: ModelInfo = {
    name: o.name,
    kind,
    encoding: o.encoding ?? base?.encoding ?? 'cl100k_base',
    contextWindow,
    maxOutputTokens,
    pricing,
  };
  if (o.fineTuning || base?.fineTuning) {
    // A newly tunable model's tuned prices default to its own.
    const { trainingPerMTok: _training, ...usePrices } = pricing;
    info.fineTuning = {
      trainingContextTokens: o.fineTuning?.trainingContextTokens ?? base?.fineTuning?.trainingContextTokens ?? contextWindow,
      tunedPricing: { ...(base?.fineTuning?.tunedPricing ?? usePrices), ...defined(o.fineTuning?.tunedPricing) },
    };
  }
  if (kind === 'embedding') {
    const merged = { ...OPENAI_EMBEDDING_LIMITS, maxTokensPerInput: contextWindow, ...base?.embedding, ...defined(o.embedding) };
    if (merged.dimensions === undefined) throw new Error(`Model override "${o.name}" needs embedding.dimensions`);
    info.embedding = { ...merged, dimensions: merged.dimensions };
  }
  return info;
}

// Registries are shared across a process: a caller must not be able to change a price under another.
function deepFreeze(m: ModelInfo): ModelInfo {
  const copy: ModelInfo = { ...m, pricing: Object.freeze({ ...m.pricing }) };
  if (m.embedding) copy.embedding = Object.freeze({ ...m.embedding });
  if (m.fineTuning) copy.fineTuning = Object.freeze({ ...m.fineTuning, tunedPricing: Object.freeze({ ...m.fineTuning.tunedPricing }) });
  return Object.freeze(copy);
}

const SNAPSHOT_SUFFIX = /-\d{4}-\d{2}-\d{2}$/;

/**
 * The base model of a fine-tuned model id, `ft:<base>[:<org>:<suffix>:<id>]` (OpenAI's form), or
 * undefined for any other name.
 */
export function tunedModelBase(name: string): string | undefined {
  if (!name.startsWith('ft:')) return undefined;
  const base = name.split(':')[1];
  return base ? base : undefined;
}

/** A fine-tuned model as its base describes it: the base's limits at the tuned prices. */
function tunedModel(name: string, base: ModelInfo | undefined): ModelInfo | undefined {
  if (!base?.fineTuning) return undefined;
  const { fineTuning, pricing: _training, ...rest } = base;
  return deepFreeze({ ...rest, name, pricing: { ...fineTuning.tunedPricing }, tunedFrom: base.name });
}

/**
 * A registry of the OpenAI models in {@link OPENAI_MODELS} with `overrides` applied in order (a
 * later override of the same name wins). Throws if an override cannot make a complete model.
 */
export function createModelRegistry(overrides: readonly ModelOverride[] = []): ModelRegistry {
  const models = new Map<string, ModelInfo>(OPENAI_MODELS.map((m) => [m.name, m]));
  for (const raw of overrides) {
    const o = ModelOverride.parse(raw);
    models.set(o.name, applyOverride(models.get(o.name), o));
  }
  const frozen = new Map([...models].map(([k, v]) => [k, deepFreeze(v)]));
  const known = (name: string) => frozen.get(name) ?? frozen.get(name.replace(SNAPSHOT_SUFFIX, ''));
  // A fine-tuned id is priced from its base (never cached: ids come from requests).
  const get = (name: string) => {
    const base = tunedModelBase(name);
    return base === undefined ? known(name) : (frozen.get(name) ?? tunedModel(name, known(base)));
  };
  return {
    get,
    require(name) {
      const model = get(name);
      if (!model) throw new UnknownModelError(name);
      return model;
    },
    list: () => [...frozen.values()],
  };
}

/** The registry of OpenAI's models with no overrides. */
export const defaultModelRegistry: ModelRegistry = createModelRegistry();
