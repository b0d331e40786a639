// Job types of the inference family (batched chat with cache and RAG, cache warming).
export const inferenceJobs = {};
