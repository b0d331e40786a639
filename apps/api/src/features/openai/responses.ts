import { z } from 'zod';
import { component } from '../../schemas/registry';

// What the front door answers, in OpenAI's shapes (the fields the openai SDK types; /openapi.json
// documents them under the OpenAI* components).

const Usage = z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int(), total_tokens: z.number().int() });

export const OpenAiChatCompletion = component(
  z.object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.literal('assistant'), content: z.string(), refusal: z.null() }),
        logprobs: z.null(),
        finish_reason: z.literal('stop'),
      }),
    ),
    usage: Usage,
    system_fingerprint: z.null(),
  }),
  {
    id: 'OpenAIChatCompletion',
    description:
      "OpenAI's chat.completion with the caller's personal data restored. Usage is 0 on a cache hit (nothing was generated or billed; header x-llmops-cache says hit). With `stream: true` the same answer comes as `chat.completion.chunk` server-sent events, then `data: [DONE]`.",
  },
);

export const OpenAiEmbeddingList = component(
  z.object({
    object: z.literal('list'),
    data: z.array(z.object({ object: z.literal('embedding'), index: z.number().int(), embedding: z.union([z.array(z.number()), z.string()]) })),
    model: z.string(),
    usage: z.object({ prompt_tokens: z.number().int(), total_tokens: z.number().int() }),
  }),
  {
    id: 'OpenAIEmbeddingList',
    description: 'Vectors of the pseudonymized inputs, in input order: numbers, or base64 little-endian float32 with `encoding_format: "base64"`.',
  },
);

export const OpenAiFile = component(
  z.object({
    id: z.string(),
    object: z.literal('file'),
    bytes: z.number().int(),
    created_at: z.number().int(),
    expires_at: z.number().int().nullable(),
    filename: z.string(),
    purpose: z.enum(['batch', 'batch_output']),
    status: z.literal('processed'),
    status_details: z.null(),
  }),
  { id: 'OpenAIFile', description: 'An uploaded batch input (purpose batch), or a batch output or error file (purpose batch_output).' },
);

export const OpenAiFileList = component(
  z.object({ object: z.literal('list'), data: z.array(OpenAiFile), first_id: z.string().nullable(), last_id: z.string().nullable(), has_more: z.boolean() }),
  { id: 'OpenAIFileList', description: "The caller's uploaded files." },
);

export const OpenAiFileDeleted = component(z.object({ id: z.string(), object: z.literal('file'), deleted: z.literal(true) }), { id: 'OpenAIFileDeleted' });

const timestamp = z.number().int().nullable();

export const OpenAiBatch = component(
  z.object({
    id: z.string(),
    object: z.literal('batch'),
    endpoint: z.string(),
    model: z.string().optional(),
    errors: z
      .object({ object: z.literal('list'), data: z.array(z.object({ code: z.string(), message: z.string(), param: z.null(), line: z.null() })) })
      .nullable(),
    input_file_id: z.string(),
    completion_window: z.string(),
    status: z.enum(['in_progress', 'cancelling', 'cancelled', 'completed', 'expired', 'failed']),
    output_file_id: z.string().nullable(),
    error_file_id: z.string().nullable(),
    created_at: z.number().int(),
    in_progress_at: timestamp,
    expires_at: timestamp,
    finalizing_at: timestamp,
    completed_at: timestamp,
    failed_at: timestamp,
    expired_at: timestamp,
    cancelling_at: timestamp,
    cancelled_at: timestamp,
    request_counts: z.object({ total: z.number().int(), completed: z.number().int(), failed: z.number().int() }),
    metadata: z.record(z.string(), z.string()).nullable(),
  }),
  {
    id: 'OpenAIBatch',
    description:
      "OpenAI's Batch object. Its lines run as inference jobs in batch mode; output and error files appear once every job has ended (failed counts lines that failed or never ran).",
  },
);

export const OpenAiBatchList = component(
  z.object({ object: z.literal('list'), data: z.array(OpenAiBatch), first_id: z.string().nullable(), last_id: z.string().nullable(), has_more: z.boolean() }),
  { id: 'OpenAIBatchList', description: "The caller's batches, newest first." },
);

export const OpenAiModel = component(z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() }), {
  id: 'OpenAIModel',
  description: 'A model requests may name: in the registry or MODEL_OVERRIDES.',
});

export const OpenAiModelList = component(z.object({ object: z.literal('list'), data: z.array(OpenAiModel) }), { id: 'OpenAIModelList' });
