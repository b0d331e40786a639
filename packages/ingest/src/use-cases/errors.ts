/**
 * What the collection use cases refuse, as types the apps map to their answers (the API: 400s). They
 * carry the facts, never the caller's text.
 */

/** A search query longer than the collection's embedding model takes in one input. */
export class QueryTooLongError extends Error {
  constructor(
    readonly tokens: number,
    readonly limit: number,
    readonly model: string,
  ) {
    super(`${tokens} tokens; the collection's model ${model} embeds at most ${limit} per input`);
    this.name = 'QueryTooLongError';
  }
}

/** A new collection named a model the registry does not know as an embedding model. */
export class UnknownEmbeddingModelError extends Error {
  constructor(readonly model: string) {
    super('not a known embedding model');
    this.name = 'UnknownEmbeddingModelError';
  }
}
