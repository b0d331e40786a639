/**
 * What happens to every free-text string a tenant can send, route by route. A test walks the served
 * OpenAPI document and fails when a string field (or path parameter) has no entry here, so a new
 * field cannot ship without a decision. Strings restricted to an enum are not listed: they cannot carry
 * free text.
 *
 * Paths are the JSON body's (`items.*.id`: `*` is any array element, `{}` any record value, `{key}`
 * any record key, `**` every string and object key nested below); `params.<name>` and `query.<name>` name the URL's parts.
 */
export type FieldDecision =
  /** Replaced by pseudonyms (scope: the job, or the tenant's collection) before it is stored or sent. */
  | 'pseudonymized'
  /** An identifier of restricted syntax, refused with a 400 when a PII detector matches it. */
  | 'identifier'
  /** A model name: refused unless the registry (or MODEL_OVERRIDES) knows it. */
  | 'model'
  /** A pattern or schema run by the linear-time engine; refused with a 400 when a PII detector matches it. */
  | 'pattern'
  /** A value the platform made (job ids, cursors, dates): checked for format, looked up, never stored. */
  | 'opaque';

const jobRead = { 'params.id': 'opaque' } as const;

export const fieldInventory: Readonly<Record<string, Readonly<Record<string, FieldDecision>>>> = {
  'POST /v1/inference': {
    model: 'model',
    'items.*.id': 'identifier',
    'items.*.messages.*.content': 'pseudonymized',
    'rag.collection': 'identifier',
    maxCostUsd: 'opaque',
  },
  'POST /v1/cache/warm': { model: 'model', system: 'pseudonymized', 'queries.*': 'pseudonymized', maxCostUsd: 'opaque' },
  'POST /v1/cache/settings': { fromCalibration: 'opaque', 'verification.model': 'model' },
  'POST /v1/cache/feedback': { jobId: 'opaque', itemId: 'identifier' },
  'POST /v1/evaluations': evaluationFields(''),
  'POST /v1/evaluations/batch': evaluationFields('jobs.*.'),
  'POST /v1/cache/calibrations': { 'pairs.*.a': 'pseudonymized', 'pairs.*.b': 'pseudonymized', model: 'model', maxCostUsd: 'opaque' },
  'POST /v1/cache/calibrations/batch': {
    'jobs.*.pairs.*.a': 'pseudonymized',
    'jobs.*.pairs.*.b': 'pseudonymized',
    'jobs.*.model': 'model',
    'jobs.*.maxCostUsd': 'opaque',
  },
  'POST /v1/collections/:name/documents': {
    'params.name': 'identifier',
    'documents.*.id': 'identifier',
    'documents.*.text': 'pseudonymized',
    'documents.*.metadata.{key}': 'identifier',
    'documents.*.metadata.{}': 'pseudonymized',
    model: 'model',
    'query.model': 'model',
    maxCostUsd: 'opaque',
    'query.maxCostUsd': 'opaque',
  },
  'DELETE /v1/collections/:name/documents/:id': { 'params.name': 'identifier', 'params.id': 'identifier' },
  'GET /v1/collections/:name': { 'params.name': 'identifier' },
  'POST /v1/collections/:name/search': {
    'params.name': 'identifier',
    query: 'pseudonymized',
    'filter.field': 'identifier',
    'filter.eq': 'pseudonymized',
    'filter.in.*': 'pseudonymized',
    'filter.**': 'pseudonymized',
  },
  'GET /v1/inference/:id/results': jobRead,
  'GET /v1/evaluations/:id/results': jobRead,
  'GET /v1/jobs/:id': jobRead,
  'GET /v1/jobs/:id/results': jobRead,
  'GET /v1/jobs/:id/events': jobRead,
  'DELETE /v1/jobs/:id': jobRead,
  // The OpenAI-compatible front door (features/openai). The upload is multipart: its JSONL is checked
  // by the handler (batch-file.ts) with these decisions for each line.
  'POST /openai/v1/chat/completions': {
    model: 'model',
    'messages.*.content': 'pseudonymized',
    'messages.*.content.*.text': 'pseudonymized',
    user: 'identifier',
  },
  'POST /openai/v1/embeddings': { model: 'model', input: 'pseudonymized', 'input.*': 'pseudonymized', user: 'identifier' },
  'POST /openai/v1/files': {
    'file.*.custom_id': 'identifier',
    'file.*.body.model': 'model',
    'file.*.body.messages.*.content': 'pseudonymized',
    'file.*.body.messages.*.content.*.text': 'pseudonymized',
    'file.*.body.user': 'identifier',
    'file.filename': 'pseudonymized',
  },
  'GET /openai/v1/files/:file_id': { 'params.file_id': 'opaque' },
  'GET /openai/v1/files/:file_id/content': { 'params.file_id': 'opaque' },
  'DELETE /openai/v1/files/:file_id': { 'params.file_id': 'opaque' },
  'POST /openai/v1/batches': { input_file_id: 'opaque', 'metadata.{key}': 'identifier', 'metadata.{}': 'pseudonymized' },
  'GET /openai/v1/batches/:batch_id': { 'params.batch_id': 'opaque' },
  'POST /openai/v1/batches/:batch_id/cancel': { 'params.batch_id': 'opaque' },
  'GET /openai/v1/models/:model': { 'params.model': 'model' },
  // Pipelines, fine-tunes and the RAG-or-fine-tune advice (features/pipelines, fine-tunes, advice).
  'POST /v1/pipelines': {
    ...pipelineDefinitionFields('definition.'),
    'pipeline.name': 'identifier',
    'inputs.*.{key}': 'identifier',
    'inputs.*.{}': 'pseudonymized',
    'inputs.*.{}.*': 'pseudonymized',
    maxCostUsd: 'opaque',
  },
  'GET /v1/pipelines/:id/results': jobRead,
  'POST /v1/pipelines/definitions': { name: 'identifier', ...pipelineDefinitionFields('definition.') },
  'GET /v1/pipelines/definitions/:name': { 'params.name': 'identifier' },
  'POST /v1/fine-tunes': {
    baseModel: 'model',
    'dataset.jsonl': 'pseudonymized',
    'dataset.collection': 'identifier',
    'dataset.documentIds.*': 'identifier',
    'dataset.prompt': 'pseudonymized',
    'dataset.system': 'pseudonymized',
    suffix: 'identifier',
    ...Object.fromEntries(Object.entries(evaluationFields('heldOut.')).filter(([path]) => path.startsWith('heldOut.graders.'))),
    maxCostUsd: 'opaque',
  },
  'POST /v1/advice/rag-vs-fine-tune': { collection: 'identifier', 'rag.model': 'model', 'fineTune.baseModel': 'model' },
};

/** A pipeline definition's fields: templates and system prompts are free text; ids, references, models, schemas are not. */
function pipelineDefinitionFields(at: string): Record<string, FieldDecision> {
  const step = `${at}steps.*.`;
  return {
    [`${at}inputs.*`]: 'identifier',
    [`${step}id`]: 'identifier',
    [`${step}collection`]: 'identifier',
    [`${step}query`]: 'pseudonymized',
    [`${step}template`]: 'pseudonymized',
    [`${step}model`]: 'model',
    [`${step}prompt`]: 'pseudonymized',
    [`${step}system`]: 'pseudonymized',
    [`${step}schema.**`]: 'pattern',
    [`${step}from`]: 'pseudonymized',
    [`${step}pattern`]: 'pattern',
    [`${step}flags`]: 'opaque',
    [`${step}on`]: 'identifier',
    [`${step}cases.{key}`]: 'identifier',
    [`${step}cases.{}.*`]: 'identifier',
    [`${step}default.*`]: 'identifier',
    [`${step}over`]: 'identifier',
    [`${step}step.template`]: 'pseudonymized',
    [`${step}step.model`]: 'model',
    [`${step}step.prompt`]: 'pseudonymized',
    [`${step}step.system`]: 'pseudonymized',
    [`${step}step.schema.**`]: 'pattern',
    [`${at}output.{key}`]: 'identifier',
    [`${at}output.{}`]: 'pseudonymized',
  };
}

function evaluationFields(at: string): Record<string, FieldDecision> {
  return {
    [`${at}cases.*.id`]: 'identifier',
    [`${at}cases.*.input`]: 'pseudonymized',
    [`${at}cases.*.expected`]: 'pseudonymized',
    [`${at}cases.*.context`]: 'pseudonymized',
    [`${at}cases.*.output`]: 'pseudonymized',
    [`${at}generate.model`]: 'model',
    [`${at}generate.system`]: 'pseudonymized',
    [`${at}graders.*.name`]: 'identifier',
    [`${at}graders.*.value`]: 'pseudonymized',
    [`${at}graders.*.pattern`]: 'pattern',
    [`${at}graders.*.flags`]: 'opaque',
    [`${at}graders.*.schema.**`]: 'pattern',
    [`${at}graders.*.model`]: 'model',
    [`${at}graders.*.rubric.name`]: 'identifier',
    [`${at}graders.*.rubric.criteria`]: 'pseudonymized',
    [`${at}judge.model`]: 'model',
    [`${at}embeddingModel`]: 'model',
    [`${at}baseline`]: 'opaque',
    [`${at}generate.pipeline.name`]: 'identifier',
    [`${at}generate.pipeline.input`]: 'identifier',
    [`${at}generate.pipeline.output`]: 'identifier',
    [`${at}maxCostUsd`]: 'opaque',
  };
}

/** The inventory entry of a route, by method and Express path. */
export function fieldsOf(method: string, path: string): Readonly<Record<string, FieldDecision>> | undefined {
  return fieldInventory[`${method.toUpperCase()} ${path}`];
}
