// Job types of the ingestion family (documents -> chunks -> embeddings -> vector store).
export const ingestJobs = {};
