import { z } from 'zod';
import { ItemResult, JobState, platformCatalog } from '@llmops/contracts';
import { component } from './registry';

const at = z.string();
const nullableAt = z.string().nullable();

/**
 * Every catalog entry's result schema (a job's summary once completed), so new job types show up by
 * themselves; the platform's own scheduled jobs (`internal`), which no tenant sees, are left out.
 */
const catalogResults = [
  ...new Set(
    Object.values(platformCatalog)
      .filter((definition) => !definition.internal)
      .map((definition) => definition.result as z.ZodType),
  ),
];

export const JobResult = component(z.union([...catalogResults, z.null()]), {
  id: 'JobResult',
  description:
    "The job's summary once completed (null before, and when it failed or was cancelled); its shape depends on `type`. Item results are paged at /v1/jobs/{id}/results.",
});

const JobFields = {
  id: z.string(),
  /** The job type (the catalog entry it runs as): inference, ingest, evaluation, cache-calibration, ... */
  type: z.string(),
  state: JobState,
  /** What the worker last reported: `{items: {done, total}}` (inference), `{documents: {done, total}}` (ingest), `{done, total}` (evaluation); 0 before it starts. */
  progress: z.unknown(),
  attempts: z.object({ made: z.number().int(), max: z.number().int() }),
  createdAt: at,
  startedAt: nullableAt,
  finishedAt: nullableAt,
  /** Why it failed; `code` is set for failures with a machine-readable reason (`budget_exhausted`). */
  error: z.object({ message: z.string(), code: z.string().optional() }).nullable(),
  result: JobResult,
};

const exampleJob = {
  id: 'inference-6f1c0d0e-2b7a-4a8e-9a57-3f1f8e0c6b11',
  type: 'inference',
  state: 'active',
  progress: { items: { done: 250, total: 1000 } },
  attempts: { made: 1, max: 5 },
  createdAt: '2026-11-28T09:00:00.000Z',
  startedAt: '2026-11-28T09:00:01.120Z',
  finishedAt: null,
  error: null,
  result: null,
};

export const JobView = component(z.object(JobFields), {
  id: 'Job',
  description: 'A job as its owner sees it: state, progress, attempts, timestamps, error and (once completed) its summary result.',
  examples: [exampleJob],
});

export const JobDetail = component(z.object({ ...JobFields, results: z.object({ count: z.number().int(), href: z.string() }).optional() }), {
  id: 'JobDetail',
  description: 'A job and where its item results are (absent for a job cancelled before it started).',
  examples: [{ ...exampleJob, results: { count: 250, href: `/v1/jobs/${exampleJob.id}/results` } }],
});

export const JobList = component(z.object({ jobs: z.array(JobView), nextCursor: z.string().nullable() }), {
  id: 'JobList',
  description: "A page of the caller's jobs, newest first; pass nextCursor as ?cursor for the next page (null on the last).",
});

export const ResultPage = component(z.object({ items: z.array(ItemResult), nextCursor: z.string().nullable() }), {
  id: 'ResultPage',
  description:
    'Item results in item order, `{id, index, result}` each (the job type decides `result`); pass nextCursor as ?cursor for the next page (null on the last).',
});

export const acceptedFields = {
  id: z.string(),
  type: z.string(),
  /** Where to poll the job (also the Location header). */
  status: z.string(),
  /** True when an earlier request with the same Idempotency-Key made this job (also Idempotent-Replayed: true). */
  replayed: z.boolean(),
};

export const JobAccepted = component(z.object(acceptedFields), {
  id: 'JobAccepted',
  description: 'The job was accepted: its id and where to poll it.',
  examples: [
    {
      id: 'evaluation-0b6c2a8e-51d4-4a52-8f0a-6a3d9e7c1f20',
      type: 'evaluation',
      status: '/v1/jobs/evaluation-0b6c2a8e-51d4-4a52-8f0a-6a3d9e7c1f20',
      replayed: false,
    },
  ],
});

export const InferenceAccepted = component(z.object({ ...acceptedFields, results: z.string() }), {
  id: 'InferenceAccepted',
  description: "An inference (or warming) job was accepted; `results` pages its answers with the caller's data restored.",
});

export const IngestAccepted = component(z.object({ ...acceptedFields, collection: z.string(), model: z.string(), documents: z.number().int() }), {
  id: 'IngestAccepted',
  description: 'An ingestion job was accepted for this many documents into the collection (embedded with its model).',
});

export const BulkAccepted = component(z.object({ jobs: z.array(z.object({ id: z.string(), status: z.string() })), replayed: z.boolean() }), {
  id: 'BulkAccepted',
  description: 'One job per body of a bulk request, in order.',
});

export const CancelOutcome = component(z.object({ id: z.string(), state: z.enum(['cancelled', 'cancelling']), message: z.string().optional() }), {
  id: 'CancelOutcome',
  description: '`cancelled`: the job had not started and was removed (200); `cancelling`: the worker running it was told to stop (202).',
});
