import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PipelineInput, PipelineStep } from '@llmops/contracts';
import type { ModelWork, WorkEstimate } from '@llmops/limits';
import { costOf, countWithEncoding, encodingForModel, toNanoUsd, type EncodingName, type ModelInfo } from '@llmops/tokens';
import type { PipelinePlan, PlannedStep } from './plan';
import { formatValue, type ParsedTemplate } from './template';

export interface PipelineEstimateOptions {
  /** Embedding model of each retrieve step's collection, by collection name. Default text-embedding-3-small. */
  collectionModels?: ReadonlyMap<string, string>;
  /** Model the semantic cache embeds prompts with. Default text-embedding-3-small (the worker's). */
  cacheEmbeddingModel?: string;
  /** Output tokens of a generation with no max_tokens on a model the registry does not know. Default 4,096. */
  unknownModelMaxOutput?: number;
}

interface Registry {
  get(name: string): ModelInfo | undefined;
}

/** Tokens of the chat framing around one system + user message (3 per message, roles, reply priming). */
const CHAT_FRAMING = 12;
/** Tokens a retrieve step adds per passage besides its text (`[n] `, separators). */
const PASSAGE_LABEL = 4;
const DEFAULT_MODEL = 'text-embedding-3-small';

type GenerateSpec = Extract<PipelineStep, { type: 'generate' }> | Extract<Extract<PipelineStep, { type: 'map' }>['step'], { type: 'generate' }>;

/**
 * The worst case of a pipeline over its inputs: every generation produces its max_tokens (else the
 * model's maximum), every map runs `maxItems` times, every template is filled with the largest value
 * its placeholders can hold (input values counted exactly, step outputs at their own worst case), and
 * every retrieve step fills `maxContextTokens`. Cache embeddings count for semantic generations.
 */
export async function estimatePipeline(
  plan: PipelinePlan,
  inputs: readonly PipelineInput[],
  registry: Registry,
  options: PipelineEstimateOptions = {},
): Promise<WorkEstimate> {
  const works = new Map<string, ModelWork>();
  const add = (model: string, kind: ModelWork['kind'], calls: number, inputTokens: number, outputTokens: number) => {
    if (calls === 0) return;
    const work = works.get(`${model}\u0000${kind}`) ?? { model, kind, batch: false, calls: 0, inputTokens: 0, outputTokens: 0, costNanoUsd: 0n };
    work.calls += calls;
    work.inputTokens += inputTokens;
    work.outputTokens += outputTokens;
    works.set(`${model}\u0000${kind}`, work);
  };
  const fallback = options.unknownModelMaxOutput ?? 4_096;
  const maxOutput = (spec: GenerateSpec) => spec.parameters?.max_tokens ?? (registry.get(spec.model)?.maxOutputTokens || fallback);
  const cacheModel = options.cacheEmbeddingModel ?? DEFAULT_MODEL;
  let since = performance.now();
  let generations = 0;
  let embeddings = 0;

  for (const input of inputs) {
    if (performance.now() - since > 8) {
      await nextTurn();
      since = performance.now();
    }
    const bounds = new Map<string, number>();
    const counter = tokenCounter();
    const templateBound = (template: ParsedTemplate | undefined, encoding: EncodingName, item = 0): number => {
      if (!template) return 0;
      let total = counter(template.literal, encoding);
      for (const { path } of template.placeholders) {
        const [head, name] = path;
        if (head === 'input') total += counter(formatValue(input[name ?? '']), encoding);
        else if (head === 'item') total += item;
        else if (head === 'index') total += 1;
        else total += stepBound(plan.steps.get(head ?? '')!, encoding);
      }
      return total;
    };
    const listBound = (reference: string, encoding: EncodingName) => {
      const [head, name] = reference.split('.');
      return head === 'input' ? counter(formatValue(input[name ?? '']), encoding) : stepBound(plan.steps.get(head ?? '')!, encoding);
    };
    const stepBound = (step: PlannedStep, encoding: EncodingName): number => {
      const id = `${step.spec.id}\u0000${encoding}`;
      const known = bounds.get(id);
      if (known !== undefined) return known;
      const spec = step.spec;
      let bound: number;
      if (spec.type === 'retrieve') bound = (spec.maxContextTokens ?? 1_500) + (spec.topK ?? 5) * PASSAGE_LABEL;
      else if (spec.type === 'prompt') bound = templateBound(step.templates.get('template'), encoding);
      else if (spec.type === 'generate') bound = maxOutput(spec);
      else if (spec.type === 'parse') bound = templateBound(step.templates.get('from'), encoding);
      else if (spec.type === 'map') {
        const inner = spec.step;
        bound =
          inner.type === 'generate'
            ? spec.maxItems * (maxOutput(inner) + 2)
            : spec.maxItems * (templateBound(step.templates.get('step.template'), encoding) + 2) + listBound(spec.over, encoding);
      } else bound = 32;
      bounds.set(id, bound);
      return bound;
    };

    for (const step of plan.steps.values()) {
      const spec = step.spec;
      if (spec.type === 'generate') {
        const encoding = encodingForModel(spec.model);
        const prompt = templateBound(step.templates.get('prompt'), encoding);
        add(spec.model, 'chat', 1, prompt + templateBound(step.templates.get('system'), encoding) + CHAT_FRAMING, maxOutput(spec));
        generations += 1;
        if (spec.cache?.mode === 'semantic') {
          add(cacheModel, 'embedding', 1, templateBound(step.templates.get('prompt'), encodingForModel(cacheModel)), 0);
          embeddings += 1;
        }
      } else if (spec.type === 'map' && spec.step.type === 'generate') {
        const inner = spec.step;
        const encoding = encodingForModel(inner.model);
        // Each element fills {{item}} once; together the elements are at most the whole list.
        const list = listBound(spec.over, encoding);
        const perCall = templateBound(step.templates.get('step.prompt'), encoding) + templateBound(step.templates.get('step.system'), encoding) + CHAT_FRAMING;
        add(inner.model, 'chat', spec.maxItems, spec.maxItems * perCall + list, spec.maxItems * maxOutput(inner));
        generations += spec.maxItems;
        if (inner.cache?.mode === 'semantic') {
          add(cacheModel, 'embedding', spec.maxItems, spec.maxItems * templateBound(step.templates.get('step.prompt'), encodingForModel(cacheModel)) + list, 0);
          embeddings += spec.maxItems;
        }
      } else if (spec.type === 'retrieve') {
        const model = options.collectionModels?.get(spec.collection) ?? DEFAULT_MODEL;
        add(model, 'embedding', 1, templateBound(step.templates.get('query'), encodingForModel(model)), 0);
        embeddings += 1;
      }
    }
  }
  const byModel = [...works.values()].map((work) => {
    const info = registry.get(work.model);
    return { ...work, costNanoUsd: info ? toNanoUsd(costOf(info, { inputTokens: work.inputTokens, outputTokens: work.outputTokens })) : 0n };
  });
  const n = inputs.length;
  const perInput = n > 0 ? [`${generations / n} generations`, ...(embeddings > 0 ? [`${embeddings / n} embeddings`] : [])].join(' + ') : 'nothing';
  return {
    jobType: 'pipeline',
    calls: byModel.reduce((sum, work) => sum + work.calls, 0),
    inputTokens: byModel.reduce((sum, work) => sum + work.inputTokens, 0),
    outputTokens: byModel.reduce((sum, work) => sum + work.outputTokens, 0),
    costNanoUsd: byModel.reduce((sum, work) => sum + work.costNanoUsd, 0n),
    byModel,
    items: n,
    detail: `${n} inputs x (${perInput})`,
  };
}

/** Token counts per encoding, memoized per text (one input's values recur across templates). */
function tokenCounter(): (text: string, encoding: EncodingName) => number {
  const memo = new Map<string, number>();
  return (text, encoding) => {
    if (text === '') return 0;
    const key = `${encoding}\u0000${text}`;
    let count = memo.get(key);
    if (count === undefined) memo.set(key, (count = countWithEncoding(text, encoding)));
    return count;
  };
}
