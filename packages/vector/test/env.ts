// The only place tests read the environment.
/** A real Qdrant to run the contract suite against, e.g. `http://127.0.0.1:6333`; unset: skipped. */
export const QDRANT_URL = process.env.QDRANT_URL?.trim() || undefined;
/** Its API key, if it needs one. */
export const QDRANT_API_KEY = process.env.QDRANT_API_KEY?.trim() || undefined;
