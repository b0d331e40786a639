import { chunkText } from '@llmops/tokens';

/** How documents are cut into chunks. */
export interface ChunkingOptions {
  /** Model whose tokenizer counts (the collection's embedding model). Required. */
  model: string;
  /** Tokens a chunk aims for. Default 512. */
  targetTokens?: number;
  /** Tokens each chunk repeats from the one before. Default 64. */
  overlapTokens?: number;
}

/** One chunk of a (pseudonymized) document with its content hash. */
export interface PlannedChunk {
  index: number;
  text: string;
  /** UTF-16 offsets in the pseudonymized document. */
  start: number;
  end: number;
  tokens: number;
  hash: string;
}

/** Something that computes a keyed hash, e.g. the PII vault (`vault.hash`). */
export interface KeyedHasher {
  hash(type: 'SECRET', value: string): string;
}

/**
 * A keyed content hash of a chunk for one model: the same text embedded by another model is another
 * vector, so the model is part of the input. Keyed, so a stored hash reveals nothing about short
 * texts to someone without the vault key.
 */
export function chunkHasher(hasher: KeyedHasher, model: string): (text: string) => string {
  return (text) => {
    const tagged = hasher.hash('SECRET', `ingest-chunk\u0000${model}\u0000${text}`);
    // The vault formats it as "[SECRET:<16 hex>]"; keep the hex.
    return /([0-9a-f]{16})/.exec(tagged)?.[1] ?? tagged;
  };
}

/** Chunks a document by tokens and hashes each chunk. Empty or blank text has no chunks. */
export function planChunks(text: string, options: ChunkingOptions, hash: (text: string) => string): PlannedChunk[] {
  if (text.trim().length === 0) return [];
  const chunks = chunkText(text, {
    model: options.model,
    targetTokens: options.targetTokens ?? 512,
    overlapTokens: options.overlapTokens ?? 64,
  });
  return chunks.map((chunk) => ({ ...chunk, hash: hash(chunk.text) }));
}
