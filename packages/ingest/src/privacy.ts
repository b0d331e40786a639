import pMap from 'p-map';
import { pseudonymize, restore, type PiiPolicy, type Vault } from '@llmops/pii';
import type { MetadataValue, VectorFilter } from '@llmops/vector';
import { replacementSpans } from './offsets';

/** Where pseudonyms come from: the tenant's policy, the vault, and the collection's scope. */
export interface PrivacyContext {
  scope: string;
  policy: PiiPolicy;
  vault: Vault;
}

/** A document as users send it, and as it is stored once protected. */
export interface DocumentInput {
  id: string;
  text: string;
  metadata?: Record<string, MetadataValue>;
}

/**
 * Pseudonymizes a document's text and string metadata values, so no original leaves the API (job
 * payload in Redis, provider request, vector payload). Within one scope the same value always gets the
 * same token, so unchanged text protects to identical text.
 */
export async function protectDocument(doc: DocumentInput, context: PrivacyContext): Promise<ProtectedDocument> {
  const protectedText = await pseudonymize(doc.text, context);
  const text = protectedText.text;
  const metadata: Record<string, MetadataValue> = {};
  for (const [key, value] of Object.entries(doc.metadata ?? {})) {
    metadata[key] = typeof value === 'string' ? (await pseudonymize(value, context)).text : value;
  }
  const spans = replacementSpans(protectedText.entities);
  return { id: doc.id, text, metadata, ...(spans.length > 0 ? { spans } : {}) };
}

/** A document once protected: `spans` maps its offsets back to the original text (see offsets.ts). */
export type ProtectedDocument = Required<DocumentInput> & { spans?: number[] };

/** Protects many documents, a few at a time (each one costs a vault round trip or more). */
export async function protectDocuments(docs: readonly DocumentInput[], context: PrivacyContext, concurrency = 16): Promise<ProtectedDocument[]> {
  return pMap(docs, (doc) => protectDocument(doc, context), { concurrency });
}

/** Pseudonymizes a search query the way documents were, so "jane@x.com" finds `<EMAIL_1>` chunks. */
export async function protectText(text: string, context: PrivacyContext): Promise<string> {
  return (await pseudonymize(text, context)).text;
}

/** Pseudonymizes the string values of a filter, so filters on protected metadata still match. */
export async function protectFilter(filter: VectorFilter, context: PrivacyContext): Promise<VectorFilter> {
  const value = async (v: MetadataValue) => (typeof v === 'string' ? protectText(v, context) : v);
  if ('and' in filter) return { and: await Promise.all(filter.and.map((f) => protectFilter(f, context))) };
  if ('in' in filter) return { field: filter.field, in: await Promise.all(filter.in.map(value)) };
  return { field: filter.field, eq: await value(filter.eq) };
}

/** Restores the originals of a chunk's pseudonyms, for the collection's owner only. */
export async function restoreText(text: string, context: Pick<PrivacyContext, 'scope' | 'vault'>): Promise<string> {
  return restore(text, context);
}
