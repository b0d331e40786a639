import { z } from 'zod';
import { component } from './registry';

/** Budget amounts: dollars as exact decimal strings, tokens as numbers. */
const Amount = z.union([z.string(), z.number()]);

const Issue = z.object({ path: z.string(), message: z.string(), limit: z.union([z.number(), z.string()]).optional() });

/** `details` of a 400 (and of a 413 for a body over its byte limit): one issue per wrong field. */
export const ValidationDetails = component(z.object({ issues: z.array(Issue) }), {
  id: 'ValidationDetails',
  description:
    'One entry per wrong field: its path (`body.items.3.id`, `query.limit`, `headers.idempotency-key`), the rule it broke and, where there is one, the limit. Values are never echoed.',
});

function envelope(code: z.ZodType, details: z.ZodType) {
  return z.object({
    error: z.object({
      code,
      /** What is wrong and where (field path, rule, limit); never the offending value. */
      message: z.string(),
      details: details.optional(),
      /** Also in the X-Request-Id response header; quote it when reporting a problem. */
      requestId: z.string(),
    }),
  });
}

/** Every error body. */
export const ErrorBody = component(envelope(z.string(), z.record(z.string(), z.unknown())), {
  id: 'Error',
  description:
    'Every error: `{error: {code, message, details?, requestId}}`. Codes include invalid_request, malformed_json, unauthorized, not_found, method_not_allowed, conflict codes (job_finished, collection_mismatch, idempotency_in_progress), idempotency_key_reused, body_too_large, unsupported_media_type, budget_exceeded, work_too_large, rate_limited, limit_exceeded, unavailable, provider_busy, internal_error. A 5xx never carries a stack or internal message.',
  examples: [
    {
      error: {
        code: 'invalid_request',
        message: 'body.items.0.id: letters, digits and _ . : - (max 200)',
        details: { issues: [{ path: 'body.items.0.id', message: 'letters, digits and _ . : - (max 200)' }] },
        requestId: 'req-3f9c',
      },
    },
  ],
});

export const BudgetRefusal = component(
  z.object({
    /** What the submission's worst case would hold. */
    estimate: Amount,
    /** `budget.day.usd`, `budget.models.<model>.month.tokens`, ... or `job.maxCostUsd`. */
    limit: z.string(),
    period: z.enum(['day', 'month', 'job']),
    model: z.string().optional(),
    unit: z.enum(['usd', 'tokens']),
    cap: Amount,
    spent: Amount,
    reserved: Amount,
    remaining: Amount,
    requested: Amount,
  }),
  {
    id: 'BudgetRefusal',
    description: 'Which budget refused and its numbers: the cap, what is spent, held by running work, left, and what this request asked for.',
  },
);

/** 402: a budget (the tenant's per day/month, per model, or the job's maxCostUsd) cannot hold the worst case. */
export const BudgetExceededError = component(envelope(z.literal('budget_exceeded'), BudgetRefusal), {
  id: 'BudgetExceededError',
  examples: [
    {
      error: {
        code: 'budget_exceeded',
        message: 'budget.day.usd: the estimate $0.412 does not fit; budget $1, spent $0.7, held by running work $0.1, left $0.2',
        details: {
          estimate: '0.412',
          limit: 'budget.day.usd',
          period: 'day',
          unit: 'usd',
          cap: '1',
          spent: '0.7',
          reserved: '0.1',
          remaining: '0.2',
          requested: '0.412',
        },
        requestId: 'req-3f9c',
      },
    },
  ],
});

export const WorkRefusal = component(z.object({ limit: z.string(), cap: z.number(), requested: z.number(), detail: z.string() }), {
  id: 'WorkRefusal',
  description: 'A per-request work cap (`work.maxItemsPerJob`, `work.maxCallsPerJob`, ...), the computed amount and how it was computed.',
});

/** 413: the body is over the route's byte limit, or the work it asks for is over a cap. */
export const TooLargeError = component(envelope(z.enum(['body_too_large', 'work_too_large']), z.union([WorkRefusal, ValidationDetails])), {
  id: 'TooLargeError',
  examples: [
    {
      error: {
        code: 'work_too_large',
        message: 'work.maxCallsPerJob: this request asks for 60000 (5000 cases x 4 samples x 3 calls); the cap is 50000',
        details: { limit: 'work.maxCallsPerJob', cap: 50_000, requested: 60_000, detail: '5000 cases x 4 samples x 3 calls' },
        requestId: 'req-3f9c',
      },
    },
  ],
});

export const RateRefusal = component(z.object({ limit: z.literal('rate'), cap: z.number(), remaining: z.number(), retryAfterMs: z.number() }), {
  id: 'RateRefusal',
  description: "The tenant's request rate: the burst, what is left, and when to retry (also the Retry-After header).",
});

export const AdmissionRefusal = component(
  z.object({ limit: z.enum(['concurrency.maxJobs', 'storage.maxWaitingBytes']), cap: z.number(), current: z.number(), requested: z.number() }),
  { id: 'AdmissionRefusal', description: 'Jobs waiting or running, or bytes of waiting work: what there is now, what the request adds, and the cap.' },
);

/** 429: over the request rate, jobs at once or waiting bytes; retry after Retry-After seconds. */
export const TooManyRequestsError = component(envelope(z.enum(['rate_limited', 'limit_exceeded']), z.union([RateRefusal, AdmissionRefusal])), {
  id: 'TooManyRequestsError',
  examples: [
    {
      error: {
        code: 'limit_exceeded',
        message: 'concurrency.maxJobs: 20 jobs waiting or running now, this request adds 1, the limit is 20',
        details: { limit: 'concurrency.maxJobs', cap: 20, current: 20, requested: 1 },
        requestId: 'req-3f9c',
      },
    },
  ],
});

/** Errors of the OpenAI-compatible front door (`/openai/v1`), in OpenAI's shape so its SDKs' error classes work. */
export const OpenAiError = component(
  z.object({ error: z.object({ message: z.string(), type: z.string(), param: z.string().nullable(), code: z.string().nullable() }) }),
  { id: 'OpenAIError', description: "OpenAI's error shape: `{error: {message, type, param, code}}`." },
);
