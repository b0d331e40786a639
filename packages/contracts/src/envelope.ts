import { z } from 'zod';

/** Tenant ids: what appears before the colon in API_KEYS; safe inside Redis keys and file names. */
export const TenantId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, _ . - (max 64)');
export type TenantId = z.infer<typeof TenantId>;

/** W3C Trace Context as a job carries it (version-traceid-parentid-flags; tracestate at most 512 characters). */
export const TraceCarrier = z.strictObject({
  traceparent: z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/),
  tracestate: z.string().max(512).optional(),
});
export type TraceCarrier = z.infer<typeof TraceCarrier>;

/**
 * What every job carries in Redis around its payload: who owns it and what request made it.
 * The worker checks the envelope and the payload before running anything.
 */
export const JobEnvelope = z.strictObject({
  tenant: TenantId,
  /** sha256 of the submitted body, to tell a replayed Idempotency-Key from a conflicting one. */
  requestHash: z.string().length(64),
  submittedAt: z.string(),
  payload: z.unknown(),
  /**
   * W3C trace context of the request that enqueued the job (absent when tracing is off): the worker's
   * job span continues that trace. Only ids and vendor state, never request content.
   */
  trace: TraceCarrier.optional(),
});
export type JobEnvelope = z.infer<typeof JobEnvelope>;

/** The states a user sees; BullMQ's internal ones are mapped onto these. */
export const JobState = z.enum(['waiting', 'delayed', 'active', 'completed', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobState>;

/** An item result as stored and paged: the job type decides what `result` holds. */
export const ItemResult = z.object({ id: z.string(), index: z.number().int().nonnegative(), result: z.unknown() });
export type ItemResult = z.infer<typeof ItemResult>;

/**
 * The most one job may spend, in dollars as an exact decimal string ("0.50"): optional on every
 * submission; the job's calls are held against it and it stops with `budget_exhausted` when they
 * would pass it.
 */
export const MaxCostUsd = z.string().regex(/^\d{1,9}(\.\d{1,9})?$/, 'dollars as a decimal string, e.g. "0.50" (at most 9 decimals)');
