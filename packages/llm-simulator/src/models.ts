/** The model ids /v1/models lists. Requests may name any model; these are the ones advertised. */
export const CHAT_MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1-mini', 'gpt-4.1-nano', 'gpt-5-mini', 'sim-chat'];

/** Native embedding sizes; any other embedding model gets 1536. */
export const EMBEDDING_DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
  'sim-embedding': 1536,
};

export const DEFAULT_EMBEDDING_DIMENSIONS = 1536;

/** Only the text-embedding-3 family (and the simulator's own) accept a `dimensions` parameter, as on OpenAI. */
export function acceptsDimensions(model: string): boolean {
  return model !== 'text-embedding-ada-002';
}

// A fixed creation time keeps /v1/models byte-identical across runs.
const CREATED = 1_700_000_000;

export function modelList() {
  const ids = [...CHAT_MODELS, ...Object.keys(EMBEDDING_DIMENSIONS)];
  return {
    object: 'list' as const,
    data: ids.map((id) => ({ id, object: 'model' as const, created: CREATED, owned_by: 'llm-simulator' })),
  };
}
