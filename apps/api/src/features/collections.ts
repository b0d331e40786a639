import type { Feature } from '../deps';
import { deleteDocument, ingestDocuments } from './collections/documents';
import { IngestBody, IngestQuery, SearchBody } from './collections/schemas';
import { Collection, CollectionList, DocumentDeleted, SearchResult } from '../schemas/collections';
import { IngestAccepted } from '../schemas/jobs';
import { getCollection, listCollections, searchCollection } from './collections/search';

const auth = { 401: 'missing or unknown API key' };

/** The collections routes: ingestion (a job), document deletion, listing and search (synchronous). */
export const collectionsFeature: Feature = {
  routes: (deps) => [
    {
      method: 'post',
      path: '/v1/collections/:name/documents',
      summary: 'Ingest documents (JSON {documents, model?} or NDJSON, one document per line): chunk, pseudonymize, embed changed chunks, upsert; a job',
      guard: 'tenant',
      handler: ingestDocuments(deps),
      operationId: 'ingestDocuments',
      query: IngestQuery,
      response: { 202: IngestAccepted },
      body: IngestBody,
      accepts: ['application/json', 'application/x-ndjson'],
      idempotent: true,
      responses: {
        202: 'the ingest job',
        400: 'invalid documents',
        409: 'the collection has another embedding model',
        413: 'body over BODY_LIMIT',
        415: 'not JSON or NDJSON',
        422: 'Idempotency-Key reused with another body',
        ...auth,
      },
    },
    {
      method: 'delete',
      path: '/v1/collections/:name/documents/:id',
      summary: 'Delete every chunk of a document (synchronous); announced on the docs:changed stream',
      guard: 'tenant',
      handler: deleteDocument(deps),
      operationId: 'deleteDocument',
      response: { 200: DocumentDeleted },
      responses: { 200: 'deleted, with the chunk count', 404: 'no such collection or document', ...auth },
    },
    {
      method: 'get',
      path: '/v1/collections',
      summary: "The caller's collections: model, dimensions, chunk counts",
      guard: 'tenant',
      handler: listCollections(deps),
      operationId: 'listCollections',
      response: { 200: CollectionList },
      responses: { 200: 'the collections', ...auth },
    },
    {
      method: 'get',
      path: '/v1/collections/:name',
      summary: 'One collection: model, dimensions, chunk count',
      guard: 'tenant',
      handler: getCollection(deps),
      operationId: 'getCollection',
      response: { 200: Collection },
      responses: { 200: 'the collection', 404: 'no such collection', ...auth },
    },
    {
      method: 'post',
      path: '/v1/collections/:name/search',
      summary: 'Nearest chunks to a query text (topK, metadata filter), with scores, offsets, metadata and the text restored for its owner',
      guard: 'tenant',
      handler: searchCollection(deps),
      operationId: 'searchCollection',
      response: { 200: SearchResult },
      body: SearchBody,
      responses: { 200: 'hits, nearest first', 400: 'invalid query or filter', 404: 'no such collection', 503: 'provider rate limiting', ...auth },
    },
  ],
};
