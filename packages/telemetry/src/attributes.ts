/**
 * Attribute names the platform's spans use: OpenTelemetry's semantic conventions where one fits
 * (http, messaging, db, gen_ai), `llmops.*` otherwise. Values are ids, counts, models and outcomes:
 * never prompt text, answers, document text or anything a tenant typed as free text.
 */
export const Attr = {
  tenant: 'llmops.tenant',
  jobId: 'llmops.job.id',
  jobType: 'llmops.job.type',
  jobAttempt: 'llmops.job.attempt',
  jobOutcome: 'llmops.job.outcome',
  itemIndex: 'llmops.item.index',
  itemOutcome: 'llmops.item.outcome',

  httpMethod: 'http.request.method',
  httpRoute: 'http.route',
  httpStatus: 'http.response.status_code',

  messagingSystem: 'messaging.system',
  messagingOperation: 'messaging.operation.type',
  messagingDestination: 'messaging.destination.name',
  messagingMessageId: 'messaging.message.id',
  messagingBatchCount: 'messaging.batch.message_count',

  dbSystem: 'db.system.name',
  dbOperation: 'db.operation.name',
  dbCollection: 'db.collection.name',
  vectorTopK: 'llmops.vector.top_k',
  vectorPoints: 'llmops.vector.points',
  vectorHits: 'llmops.vector.hits',

  genAiOperation: 'gen_ai.operation.name',
  genAiProvider: 'gen_ai.provider.name',
  genAiModel: 'gen_ai.request.model',
  genAiInputTokens: 'gen_ai.usage.input_tokens',
  genAiOutputTokens: 'gen_ai.usage.output_tokens',
  llmCostUsd: 'llmops.llm.cost_usd',
  llmAttempts: 'llmops.llm.attempts',
  llmRetries: 'llmops.llm.retries',
  llmReplayed: 'llmops.llm.replayed',
  llmInputs: 'llmops.llm.inputs',
  limiterWaitMs: 'llmops.limiter.wait_ms',

  cacheLookup: 'llmops.cache.lookup',
  cacheOutcome: 'llmops.cache.outcome',
  cacheSimilarity: 'llmops.cache.similarity',
} as const;
