import { toFile } from 'openai';
import type OpenAI from 'openai';
import { callWithRetries, type RetryOptions } from '@llmops/llm';

/** A provider fine-tuning job as this platform reads it. */
export interface ProviderFineTune {
  id: string;
  status: 'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  /** Set once it succeeded. */
  fineTunedModel: string | null;
  trainedTokens: number | null;
  error: string | null;
  /** What we tagged it with at creation (our job id), to find it again after a crash. */
  metadata: Record<string, string>;
}

export interface ProviderEvent {
  id: string;
  createdAt: number;
  level: string;
  message: string;
}

/** The provider's Files and fine-tuning APIs, as the fine-tune job uses them. */
export interface FineTuningProvider {
  uploadTrainingFile(jsonl: string, filename: string): Promise<{ id: string }>;
  createJob(request: { model: string; trainingFile: string; epochs: number; suffix?: string; metadata: Record<string, string> }): Promise<ProviderFineTune>;
  retrieveJob(id: string): Promise<ProviderFineTune>;
  /** Recent jobs, newest first (at most 100). */
  listJobs(): Promise<ProviderFineTune[]>;
  /** Events oldest first. */
  listEvents(id: string): Promise<ProviderEvent[]>;
  cancelJob(id: string): Promise<ProviderFineTune>;
}

function view(job: OpenAI.FineTuning.FineTuningJob): ProviderFineTune {
  return {
    id: job.id,
    status: job.status,
    fineTunedModel: job.fine_tuned_model,
    trainedTokens: job.trained_tokens,
    error: job.error ? `${job.error.code}: ${job.error.message}` : null,
    metadata: job.metadata ?? {},
  };
}

/**
 * The OpenAI SDK's files and fine_tuning.jobs behind {@link FineTuningProvider}, each call retried
 * like every provider call (backoff with jitter, Retry-After honoured, permanent refusals thrown as
 * @llmops/llm's FatalError, a 429 beyond the retry budget as RateLimitedError).
 */
export function openAiFineTuning(client: OpenAI, options: { retry?: RetryOptions; signal?: AbortSignal } = {}): FineTuningProvider {
  const call = <T>(fn: () => Promise<T>) => callWithRetries(fn, options.retry ?? {});
  const request = options.signal ? { signal: options.signal } : {};
  return {
    uploadTrainingFile: (jsonl, filename) =>
      call(async () => client.files.create({ file: await toFile(Buffer.from(jsonl), filename), purpose: 'fine-tune' }, request)),
    createJob: async (input) =>
      view(
        await call(() =>
          client.fineTuning.jobs.create(
            {
              model: input.model,
              training_file: input.trainingFile,
              method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: input.epochs } } },
              ...(input.suffix ? { suffix: input.suffix } : {}),
              metadata: input.metadata,
            },
            request,
          ),
        ),
      ),
    retrieveJob: async (id) => view(await call(() => client.fineTuning.jobs.retrieve(id, request))),
    listJobs: async () => (await call(() => client.fineTuning.jobs.list({ limit: 100 }, request))).data.map(view),
    listEvents: async (id) => {
      const page = await call(() => client.fineTuning.jobs.listEvents(id, { limit: 100 }, request));
      return page.data.map((event) => ({ id: event.id, createdAt: event.created_at, level: event.level, message: event.message })).reverse();
    },
    cancelJob: async (id) => view(await call(() => client.fineTuning.jobs.cancel(id, request))),
  };
}
