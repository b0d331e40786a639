import { z } from 'zod';

/** One text part of a message (`[{type: "text", text}]`); images, audio and files are not accepted. */
const TextPart = z.strictObject({ type: z.literal('text'), text: z.string().min(1).max(100_000) });

/**
 * A chat message as OpenAI's Chat Completions API takes it, text only. `developer` is OpenAI's newer
 * name for `system` and is sent on as one.
 */
export const ChatMessage = z.strictObject({
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z.union([z.string().min(1).max(100_000), z.array(TextPart).min(1).max(100)]),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

const maxTokens = z.number().int().positive().max(32_768).nullable().optional();

/**
 * `POST /openai/v1/chat/completions` (and the body of a batch line). Only the parameters the
 * platform's inference jobs carry (they scope the cache); OpenAI parameters it cannot honour are a 400
 * naming them (see `unsupportedChatParameters`) rather than silently ignored.
 */
export const ChatCompletionRequest = z.strictObject({
  model: z.string().min(1).max(200),
  messages: z.array(ChatMessage).min(1).max(200),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().gt(0).max(1).nullable().optional(),
  max_tokens: maxTokens,
  /** OpenAI's newer name for max_tokens; the smaller wins when both are set. */
  max_completion_tokens: maxTokens,
  seed: z.number().int().nullable().optional(),
  /** One choice per request: the cache stores one answer per prompt. */
  n: z.literal(1).nullable().optional(),
  stream: z.boolean().nullable().optional(),
  stream_options: z.strictObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  /** The end user's id (OpenAI's abuse signal): checked like every identifier, never stored or sent on. */
  user: z.string().min(1).max(256).optional(),
});
export type ChatCompletionRequest = z.infer<typeof ChatCompletionRequest>;

/**
 * OpenAI chat parameters the front door refuses by name (they are OpenAI's words, not tenant text, so
 * naming them echoes nothing): tools and structured output need a job type that carries them, and
 * penalties, stop sequences and logit bias would change answers the cache does not scope by.
 */
export const unsupportedChatParameters: readonly string[] = [
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'functions',
  'function_call',
  'response_format',
  'logprobs',
  'top_logprobs',
  'logit_bias',
  'stop',
  'presence_penalty',
  'frequency_penalty',
  'audio',
  'modalities',
  'prediction',
  'reasoning_effort',
  'service_tier',
  'store',
  'metadata',
  'web_search_options',
  'verbosity',
  'prompt_cache_key',
  'safety_identifier',
];

/** `POST /openai/v1/embeddings`. Token-id inputs are refused: only text can be pseudonymized. */
export const EmbeddingRequest = z.strictObject({
  model: z.string().min(1).max(200),
  input: z.union([z.string().min(1).max(100_000), z.array(z.string().min(1).max(100_000)).min(1).max(2_048)]),
  /** `float` (JSON numbers) or `base64` (little-endian float32, the openai SDK's default). Default float. */
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().positive().max(8_192).optional(),
  user: z.string().min(1).max(256).optional(),
});
export type EmbeddingRequest = z.infer<typeof EmbeddingRequest>;

/** The endpoints a batch may target. */
export const BATCH_ENDPOINTS = ['/v1/chat/completions'] as const;

/** `POST /openai/v1/batches`. */
export const BatchCreateRequest = z.strictObject({
  input_file_id: z.string().min(1).max(100),
  endpoint: z.enum(BATCH_ENDPOINTS),
  completion_window: z.enum(['24h']),
  /** Up to 16 pairs, as OpenAI: keys are identifiers, values are pseudonymized and restored on read. */
  metadata: z
    .record(z.string().min(1).max(64), z.string().max(512))
    .refine((value) => Object.keys(value).length <= 16, 'at most 16 pairs')
    .nullable()
    .optional(),
});
export type BatchCreateRequest = z.infer<typeof BatchCreateRequest>;

/** One line of a batch input file. */
export const BatchLine = z.strictObject({
  /** Labels the line's output; unique within the file. */
  custom_id: z.string().min(1).max(512),
  method: z.literal('POST'),
  url: z.enum(BATCH_ENDPOINTS),
  body: ChatCompletionRequest,
});
export type BatchLine = z.infer<typeof BatchLine>;

const limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** `GET /openai/v1/files` */
export const FileListQuery = z.strictObject({
  purpose: z.string().max(64).optional(),
  limit: limit(10_000, 10_000),
  after: z.string().max(100).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
});

/** `GET /openai/v1/batches` */
export const BatchListQuery = z.strictObject({ limit: limit(100, 20), after: z.string().max(100).optional() });
