import type { Feature } from '../../deps';
import { fieldsOf } from '../../privacy/field-inventory';
import type { RouteSpec } from '../../routes/table';
import { batchStore } from './batch-store';
import { cancelBatch, createBatch, listBatches, retrieveBatch } from './batches';
import { chatCompletions } from './chat';
import { createEmbeddings } from './embeddings';
import { deleteFile, fileContent, listFiles, retrieveFile, uploadFile } from './files';
import { fileStore } from './file-store';
import { frontDoor, JSON_READ_AFTER_AUTH, MULTIPART, type Deps, type FrontDoorHandler, type FrontDoorRoute } from './front-door';
import { listModels, retrieveModel } from './models';
import {
  OpenAiBatch,
  OpenAiBatchList,
  OpenAiChatCompletion,
  OpenAiEmbeddingList,
  OpenAiFile,
  OpenAiFileDeleted,
  OpenAiFileList,
  OpenAiModel,
  OpenAiModelList,
} from './responses';
import { BatchCreateRequest, BatchListQuery, ChatCompletionRequest, EmbeddingRequest, FileListQuery } from './schemas';

/** Where the front door is mounted: an OpenAI client's `baseURL` is `<api>/openai/v1`. */
export const OPENAI_BASE_PATH = '/openai/v1';

interface RouteOptions {
  /** How the body is read (after auth). Default: not read. */
  read?: FrontDoorRoute['body'];
  /** The body schema /openapi.json documents (the handler validates with it). */
  schema?: RouteSpec['body'];
  idempotent?: boolean;
  /** The query schema the handler parses, for /openapi.json. */
  query?: RouteSpec['query'];
  /** The 200 body, for /openapi.json. */
  ok?: RouteSpec['body'];
  operationId: string;
  responses: Record<number, string>;
}

const errors = {
  400: 'invalid request: OpenAI error body {error: {message, type, param, code}}',
  401: 'missing or unknown API key (the tenant key as Bearer token)',
  429: "over the tenant's request rate, jobs at once or storage (Retry-After)",
  503: 'Redis unreachable: retry after Retry-After seconds',
};

/**
 * The OpenAI-compatible front door: the official openai SDK, pointed at `/openai/v1` with a tenant's
 * API key, runs chat completions (plain and streamed), embeddings and the Batch API unchanged, and
 * every call still goes through pseudonymization, the semantic cache, the shared limiter, the
 * tenant's limits and budgets, and the ledger. Errors come in OpenAI's shape.
 */
export const openAiFeature: Feature = {
  routes: (deps: Deps): RouteSpec[] => {
    const files = fileStore(deps);
    const batches = batchStore(deps);
    const route = (method: RouteSpec['method'], path: string, summary: string, handler: FrontDoorHandler, options: RouteOptions): RouteSpec => {
      const full = `${OPENAI_BASE_PATH}${path}`;
      return {
        method,
        path: full,
        summary,
        guard: 'tenant',
        handler: frontDoor(deps, { ...(options.read ? { body: options.read } : {}), fields: fieldsOf(method, full) }, handler),
        ...(options.schema ? { body: options.schema } : {}),
        ...(method === 'post' ? { accepts: options.read === 'multipart' ? MULTIPART : JSON_READ_AFTER_AUTH } : {}),
        ...(options.idempotent ? { idempotent: true } : {}),
        ...(options.query ? { query: options.query } : {}),
        ...(options.ok ? { response: { 200: options.ok } } : {}),
        operationId: options.operationId,
        responses: { ...errors, ...options.responses },
      };
    };
    return [
      route(
        'post',
        '/chat/completions',
        'OpenAI-compatible chat completion (stream: true for server-sent chunks), run as a one-item inference job',
        chatCompletions(deps),
        {
          operationId: 'openaiCreateChatCompletion',
          ok: OpenAiChatCompletion,
          read: 'json',
          schema: ChatCompletionRequest,
          idempotent: true,
          responses: {
            200: 'a chat.completion, or chat.completion.chunk events then [DONE]',
            402: "the tenant's budget cannot hold the request",
            413: 'work over a cap',
            502: 'the job or the provider failed (not retried)',
          },
        },
      ),
      route('post', '/embeddings', 'OpenAI-compatible embeddings of pseudonymized inputs (synchronous)', createEmbeddings(deps), {
        operationId: 'openaiCreateEmbeddings',
        ok: OpenAiEmbeddingList,
        read: 'json',
        schema: EmbeddingRequest,
        responses: { 200: 'a list of embeddings', 402: "the tenant's budget cannot hold the request" },
      }),
      route(
        'post',
        '/files',
        'Upload a JSONL batch input file (multipart: file, purpose=batch); pseudonymized, counted against the storage limit',
        uploadFile(deps, files),
        { operationId: 'openaiUploadFile', ok: OpenAiFile, read: 'multipart', responses: { 200: 'the File object' } },
      ),
      route('get', '/files', "The caller's uploaded files", listFiles(deps, files), {
        operationId: 'openaiListFiles',
        ok: OpenAiFileList,
        query: FileListQuery,
        responses: { 200: 'a list of File objects' },
      }),
      route('get', '/files/:file_id', 'A file: an upload, or a batch output or error file', retrieveFile(deps, files, batches), {
        operationId: 'openaiRetrieveFile',
        ok: OpenAiFile,
        responses: { 200: 'the File object', 404: 'no such file for this key' },
      }),
      route(
        'get',
        '/files/:file_id/content',
        "A file's content with the owner's data restored (batch outputs: OpenAI's JSONL lines with custom_id)",
        fileContent(deps, files, batches),
        { operationId: 'openaiDownloadFile', responses: { 200: 'the JSONL', 404: 'no such file for this key' } },
      ),
      route('delete', '/files/:file_id', 'Delete an uploaded file (its bytes leave the storage limit)', deleteFile(deps, files), {
        operationId: 'openaiDeleteFile',
        ok: OpenAiFileDeleted,
        responses: { 200: 'deleted', 404: 'no such file for this key' },
      }),
      route(
        'post',
        '/batches',
        "Create a batch from an uploaded file: its lines become inference jobs in batch mode (cache, then the provider's Batch API)",
        createBatch(deps, files, batches),
        {
          operationId: 'openaiCreateBatch',
          ok: OpenAiBatch,
          read: 'json',
          schema: BatchCreateRequest,
          idempotent: true,
          responses: {
            200: 'the Batch object',
            402: "the tenant's budget cannot hold the batch",
            404: 'no such input file',
            413: 'work over a cap',
            422: 'Idempotency-Key reused with another body',
          },
        },
      ),
      route('get', '/batches', "The caller's batches, newest first", listBatches(deps, batches), {
        operationId: 'openaiListBatches',
        ok: OpenAiBatchList,
        query: BatchListQuery,
        responses: { 200: 'a list of Batch objects' },
      }),
      route('get', '/models', 'The models requests may name (the registry and MODEL_OVERRIDES)', listModels(deps), {
        operationId: 'openaiListModels',
        ok: OpenAiModelList,
        responses: { 200: 'a list of Model objects' },
      }),
      route('get', '/models/:model', 'One model', retrieveModel(deps), {
        operationId: 'openaiRetrieveModel',
        ok: OpenAiModel,
        responses: { 200: 'the Model object', 404: 'not a model the platform knows' },
      }),
      route('get', '/batches/:batch_id', 'A batch with its status, request counts and output files', retrieveBatch(deps, batches), {
        operationId: 'openaiRetrieveBatch',
        ok: OpenAiBatch,
        responses: { 200: 'the Batch object', 404: 'no such batch for this key' },
      }),
      route(
        'post',
        '/batches/:batch_id/cancel',
        'Cancel a batch: waiting lines are dropped, running ones stopped; finished lines keep their output',
        cancelBatch(deps, batches),
        {
          operationId: 'openaiCancelBatch',
          ok: OpenAiBatch,
          responses: { 200: 'the Batch object (cancelling or cancelled)', 404: 'no such batch for this key' },
        },
      ),
    ];
  },
};
