import { z } from 'zod';
import { VectorFilterSchema } from '@llmops/ingest';
import { component } from './registry';

// Recursive (`{and: [...]}`): a named component, so its self-reference resolves inside the document.
component(VectorFilterSchema, {
  id: 'VectorFilter',
  description: '`{field: "documentId" | "metadata.<key>", eq | in}` or `{and: [...]}`; it can only narrow the caller\'s own chunks.',
});

export const Collection = component(
  z.object({ name: z.string(), model: z.string(), dimensions: z.number().int(), distance: z.string(), chunks: z.number().int() }),
  { id: 'Collection', description: "One of the caller's collections: its embedding model (fixed at creation), dimensions, distance and stored chunks." },
);

export const CollectionList = component(z.object({ collections: z.array(Collection) }), { id: 'CollectionList' });

const MetadataValue = z.union([z.string(), z.number(), z.boolean()]);

export const SearchResult = component(
  z.object({
    collection: z.string(),
    model: z.string(),
    hits: z.array(
      z.object({
        id: z.string(),
        score: z.number(),
        documentId: z.string(),
        chunkIndex: z.number().int(),
        /** Character offsets of the chunk in its document. */
        start: z.number().int(),
        end: z.number().int(),
        /** The chunk's text with the caller's personal data restored. */
        text: z.string(),
        metadata: z.record(z.string(), MetadataValue),
      }),
    ),
    /** The query's embedding: tokens and dollars (decimal string). */
    usage: z.object({ tokens: z.number().int(), costUsd: z.string() }),
  }),
  {
    id: 'SearchResult',
    description: 'The nearest chunks, nearest first, with their text and metadata restored for the caller.',
    examples: [
      {
        collection: 'handbook',
        model: 'text-embedding-3-small',
        hits: [
          {
            id: '5b2f0c1e-7a8d-5e44-9b1e-0c2d3f4a5b6c',
            score: 0.83,
            documentId: 'leave-policy',
            chunkIndex: 0,
            start: 0,
            end: 74,
            text: 'Employees accrue 2 days of leave per month.',
            metadata: { lang: 'en' },
          },
        ],
        usage: { tokens: 7, costUsd: '0.00000014' },
      },
    ],
  },
);

export const DocumentDeleted = component(z.object({ collection: z.string(), documentId: z.string(), deletedChunks: z.number().int() }), {
  id: 'DocumentDeleted',
});
