import type { InferenceParameters } from '@llmops/contracts';

/** A model call a generate step (or a map of one) asks for. */
export interface GenerateCall {
  model: string;
  /** The rendered system prompt, if any. */
  system?: string;
  /** The rendered user message. */
  prompt: string;
  parameters: InferenceParameters;
  cache: { mode: 'off' | 'exact' | 'semantic'; threshold: number };
  /** JSON Schema for `response_format: json_schema`. */
  schema?: Record<string, unknown>;
  /** One per input, step and map element: a replayed call is billed once. */
  idempotencyKey: string;
}

export interface GenerateOutcome {
  text: string;
  cache: 'hit' | 'miss' | 'off';
  usage: { inputTokens: number; outputTokens: number };
  costNanoUsd: bigint;
}

/** Passages a retrieve step asks for. */
export interface RetrieveCall {
  collection: string;
  query: string;
  topK: number;
  maxContextTokens: number;
  idempotencyKey: string;
}

export interface RetrieveOutcome {
  /** The passages as one block, each labelled `[n]`. */
  text: string;
  documents: { collection: string; documentId: string; chunkId: string; score: number }[];
  usage: { inputTokens: number; outputTokens: number };
  costNanoUsd: bigint;
}

/**
 * What a pipeline needs from the platform: model calls and retrieval. The worker implements them with
 * the LLM client (budgets, limiter, ledger), the semantic cache and the vector store.
 */
export interface PipelinePorts {
  generate(call: GenerateCall): Promise<GenerateOutcome>;
  retrieve(call: RetrieveCall): Promise<RetrieveOutcome>;
}

/**
 * This input cannot go on (invalid JSON, a failed validation, a list too long, a refused request):
 * its step is recorded as failed and the other inputs continue. Ports throw it for refusals of one
 * request; anything else they throw stops the job's attempt (and is retried by the queue).
 */
export class StepFailure extends Error {
  readonly kind = 'step-failure' as const;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
