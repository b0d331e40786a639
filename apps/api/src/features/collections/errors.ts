import { CollectionMismatchError, InvalidVectorInputError, QueryTooLongError, UnknownEmbeddingModelError } from '@llmops/ingest';
import { HttpError } from '../../http/errors';

/** Maps the use cases' refusals and the vector-store and provider errors a collection route can meet to HTTP answers. */
export function toCollectionError(error: unknown): unknown {
  if (error instanceof QueryTooLongError) {
    return new HttpError(400, 'invalid_request', `body.query: ${error.message}`, { issues: [{ path: 'body.query', message: error.message }] });
  }
  if (error instanceof UnknownEmbeddingModelError) {
    return new HttpError(400, 'invalid_request', 'body.model: not a known embedding model (add others with MODEL_OVERRIDES)', {
      issues: [{ path: 'body.model', message: 'not a known embedding model' }],
    });
  }
  if (error instanceof CollectionMismatchError) {
    return new HttpError(409, 'collection_mismatch', 'the collection exists with another embedding model or size; its model is fixed at creation', {
      existing: { dimensions: error.existing.dimensions, model: error.existing.meta.model },
    });
  }
  // Its message may quote stored values: the client gets the kind of problem, not the message.
  if (error instanceof InvalidVectorInputError)
    return new HttpError(400, 'invalid_request', 'the request does not fit the collection (filter, sizes or names)');
  const retryAfterMs = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  if (typeof retryAfterMs === 'number') {
    return new HttpError(503, 'provider_busy', 'the embedding provider is rate limiting; retry later', undefined, {
      'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))),
    });
  }
  return error;
}

/** Runs `fn`, rethrowing its errors as HTTP errors where they have a meaning for the client. */
export async function mapErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw toCollectionError(error);
  }
}
