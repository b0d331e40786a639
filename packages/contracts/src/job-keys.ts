import { jobTag } from './hash-tags';
import { llmKeyPrefix, spendKeys } from './spend-keys';

/**
 * The Redis keys that hold one job's data outside BullMQ's own hash: its inputs (stored apart from
 * the payload when large), resumable plans, and its item results. Every writer and the cleanup that
 * deletes a job's data take the names from here, so a key is never spelled twice. Every one carries
 * the job's hash tag, so on Redis Cluster they share a slot (one transaction, one DEL).
 */
export function jobDataKeys(prefix: string, jobId: string) {
  const job = jobTag(jobId);
  return {
    /** Inference items (pseudonymized), one hash field per item index; written by the API. */
    inferenceItems: `${prefix}:inference:items:${job}`,
    /** Batch API ids an inference job submitted, so a retried attempt resumes them. */
    inferenceBatches: `${prefix}:inference:batches:${job}`,
    /** An ingestion job's progress and batch plans. */
    ingestProgress: `${prefix}:ingest:job:${job}`,
    /** Parts of a fanned-out upload that finished (on the parent's id). */
    ingestFlow: `${prefix}:ingest:flow:${job}`,
    /** Batch API ids of an evaluation's judge calls, one field per slice of judge tasks. */
    evaluationBatches: `${prefix}:evaluation:batches:${job}`,
    /** Pipeline inputs (pseudonymized), one hash field per input index; written by the API. */
    pipelineInputs: `${prefix}:pipeline:inputs:${job}`,
    /** Pipeline progress: one field per finished step of an input (`<input>:<step>`), so a restart resumes after it. */
    pipelineProgress: `${prefix}:pipeline:progress:${job}`,
    /** A fine-tune's training lines and held-out cases (pseudonymized; fields `train:<i>`, `held:<i>`); written by the API. */
    fineTuneData: `${prefix}:fine-tune:data:${job}`,
    /** A fine-tune's step state: uploaded file, provider job, budget hold, evaluations. */
    fineTuneState: `${prefix}:fine-tune:state:${job}`,
    /**
     * Cache hits the job served (one field per item: entry, scope, similarity, canonical prompts), kept
     * after the job ends so `POST /v1/cache/feedback` can find what a wrong hit was; written by the worker.
     */
    cacheHits: `${prefix}:cache:hits:${job}`,
    /** The job's provider-call journal (@llmops/llm): calls in flight, answers kept for replay, billed and wasted totals. */
    llmCalls: spendKeys(llmKeyPrefix(prefix)).callJournal(jobId),
    /** Item results: one hash field per item, and their order. */
    results: `${prefix}:results:${job}`,
    resultOrder: `${prefix}:results:${job}:order`,
  };
}

/** What a job no longer needs once it has ended: its inputs and plans (results stay for their retention). */
export function jobInputKeys(prefix: string, jobId: string): string[] {
  const keys = jobDataKeys(prefix, jobId);
  return [
    keys.inferenceItems,
    keys.inferenceBatches,
    keys.ingestProgress,
    keys.ingestFlow,
    keys.evaluationBatches,
    keys.pipelineInputs,
    keys.pipelineProgress,
    keys.fineTuneData,
    keys.fineTuneState,
    keys.llmCalls,
  ];
}

/** Everything a cancelled job leaves: inputs, plans and results. */
export function jobAllDataKeys(prefix: string, jobId: string): string[] {
  const keys = jobDataKeys(prefix, jobId);
  return [...jobInputKeys(prefix, jobId), keys.results, keys.resultOrder, keys.cacheHits];
}
