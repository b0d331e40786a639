import { costOf, countChatTokens, countWithEncoding, encodingForModel, toNanoUsd, type ChatMessage, type ModelInfo } from '@llmops/tokens';

/** The registry calls the estimator needs: `createModelRegistry()` from @llmops/tokens fits. */
export interface ModelRegistryLike {
  get(name: string): ModelInfo | undefined;
}

/** Work one job asks of one model (or of one model at Batch API prices). */
export interface ModelWork {
  model: string;
  kind: 'chat' | 'embedding';
  /** Batch API lines (priced at batch prices) rather than direct calls. */
  batch: boolean;
  calls: number;
  /** Prompt (or embedding input) tokens, counted exactly with the model's tokenizer where the text is known. */
  inputTokens: number;
  /** The requests' max_tokens, else the model's maximum output. */
  outputTokens: number;
  /** List price of those tokens, integer nano-USD (0 for a model the registry does not know). */
  costNanoUsd: bigint;
}

/** The worst case of a job: what the work caps and the budget reservation are checked against. */
export interface WorkEstimate {
  jobType: 'inference' | 'evaluation' | 'ingest' | 'pipeline' | 'fine-tune';
  /** Provider calls: generations, judge calls and embedding inputs or requests (see `detail`). */
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costNanoUsd: bigint;
  byModel: ModelWork[];
  /** Inference items. */
  items?: number;
  /** Ingestion documents and chunks (an upper bound). */
  documents?: number;
  chunks?: number;
  /** How `calls` was computed, e.g. `5000 cases x 20 samples x (1 generation + 20 judge calls)`. */
  detail: string;
}

/** Model facts with fallbacks for models the registry does not know (a local vLLM: price 0). */
export class Tally {
  private readonly works = new Map<string, ModelWork>();
  constructor(private readonly registry: ModelRegistryLike) {}

  /** Tokens of `text` with the model's tokenizer. */
  countText(text: string | undefined, model: string): number {
    if (!text) return 0;
    return countWithEncoding(text, this.registry.get(model)?.encoding ?? encodingForModel(model));
  }

  countChat(messages: readonly ChatMessage[], model: string): number {
    return countChatTokens(messages, model);
  }

  /** Most output one call may produce: the model's maximum, else `fallback`. */
  maxOutput(model: string, fallback: number): number {
    return this.registry.get(model)?.maxOutputTokens || fallback;
  }

  add(model: string, kind: ModelWork['kind'], batch: boolean, calls: number, inputTokens: number, outputTokens: number): void {
    if (calls === 0) return;
    const id = `${model}\u0000${kind}\u0000${batch}`;
    const work = this.works.get(id) ?? { model, kind, batch, calls: 0, inputTokens: 0, outputTokens: 0, costNanoUsd: 0n };
    work.calls += calls;
    work.inputTokens += inputTokens;
    work.outputTokens += outputTokens;
    this.works.set(id, work);
  }

  finish(jobType: WorkEstimate['jobType'], detail: string, extra: Pick<WorkEstimate, 'items' | 'documents' | 'chunks'> = {}): WorkEstimate {
    const byModel = [...this.works.values()].map((work) => {
      const info = this.registry.get(work.model);
      const costNanoUsd = info ? toNanoUsd(costOf(info, { inputTokens: work.inputTokens, outputTokens: work.outputTokens, batch: work.batch })) : 0n;
      return { ...work, costNanoUsd };
    });
    const sum = <K extends 'calls' | 'inputTokens' | 'outputTokens'>(key: K) => byModel.reduce((total, work) => total + work[key], 0);
    return {
      jobType,
      calls: sum('calls'),
      inputTokens: sum('inputTokens'),
      outputTokens: sum('outputTokens'),
      costNanoUsd: byModel.reduce((total, work) => total + work.costNanoUsd, 0n),
      byModel,
      ...extra,
      detail,
    };
  }
}

/** `a x b x (c + d)` with zero terms left out. */
export function terms(parts: readonly [number, string][]): string {
  return parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(' + ');
}
