const DEFAULT_PROMPT = 'What does document {{documentId}} say?';

/** A listed document the collection does not hold; `index` is its position in `documentIds`. */
export class DocumentNotFoundError extends Error {
  readonly kind = 'document-not-found' as const;
  constructor(readonly index: number) {
    super(`documentIds.${index}: no such document in the collection`);
    this.name = new.target.name;
  }
}

/** A collection export: which documents, and the question each chunk answers. */
export interface CollectionDataset {
  documentIds: readonly string[];
  /** `{{documentId}}` is replaced. Default "What does document {{documentId}} say?". */
  prompt?: string;
  system?: string;
}

/**
 * The chat JSONL of a collection export: each chunk of the listed documents is an example whose
 * assistant turn is the chunk. Chunk text is stored pseudonymized with the collection's scope, so its
 * tokens stay tokens in training.
 */
export async function collectionDatasetText(
  listChunks: (documentId: string) => Promise<readonly { payload: { text?: unknown } }[]>,
  dataset: CollectionDataset,
): Promise<string> {
  const lines: string[] = [];
  for (const [index, documentId] of dataset.documentIds.entries()) {
    const chunks = await listChunks(documentId);
    if (chunks.length === 0) throw new DocumentNotFoundError(index);
    const question = (dataset.prompt ?? DEFAULT_PROMPT).split('{{documentId}}').join(documentId);
    for (const chunk of chunks) {
      const messages = [
        ...(dataset.system ? [{ role: 'system', content: dataset.system }] : []),
        { role: 'user', content: question },
        { role: 'assistant', content: String(chunk.payload.text ?? '') },
      ];
      lines.push(JSON.stringify({ messages }));
    }
  }
  return lines.join('\n');
}
