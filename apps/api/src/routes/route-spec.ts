import type { RequestHandler } from 'express';
import type { z } from 'zod';

/** One row of the route table (routes/table.ts): mounted by app.ts, documented by openapi.ts. */
export interface RouteSpec {
  method: 'get' | 'post' | 'delete';
  /** Express path syntax. */
  path: string;
  summary: string;
  /** Who may call it: a tenant's API key, the admin token, or anyone. */
  guard: 'tenant' | 'admin' | 'public';
  handler: RequestHandler;
  /** The schema the handler validates the body with; also what /openapi.json documents. */
  body?: z.ZodType;
  /** Largest body this route reads, in bytes (413 past it). Default: BODY_LIMIT. */
  bodyLimit?: number;
  /** Content types a POST body may have (415 otherwise), e.g. `application/x-ndjson`. Default: application/json. */
  accepts?: readonly string[];
  /** Status codes this route answers with, for /openapi.json. */
  responses: Record<number, string>;
  /** Submissions accept an Idempotency-Key header. */
  idempotent?: boolean;
  /** Answers with text/event-stream. */
  stream?: boolean;
  /** Response bodies by status (zod, documented in /openapi.json; error statuses default to the error envelope). Default: none. */
  response?: Partial<Record<number, z.ZodType>>;
  /** The query parameters the handler parses (a zod object), for /openapi.json. Default: none. */
  query?: z.ZodType;
  /** The operationId in /openapi.json (and the method name generated clients use). Default: derived from method and path. */
  operationId?: string;
}
