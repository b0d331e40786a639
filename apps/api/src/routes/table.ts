import type { RequestHandler } from 'express';
import type { z } from 'zod';
import type { ApiDeps } from '../deps';
import { healthz, readyz } from './health';
import { deleteJob, getJob, getJobResults, ListQuery, listJobs, PageQuery } from './jobs';
import { jobEvents } from './events';
import { submissionRoutes } from './submission-routes';
import { fieldsOf } from '../privacy/field-inventory';
import { withIdentifierCheck } from '../privacy/identifiers';
import { CancelOutcome, JobDetail, JobList, ResultPage } from '../schemas/jobs';
import { Health, Readiness } from '../schemas/platform';

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

const tenantErrors = { 401: 'missing or unknown API key', 404: 'no such job for this tenant' };

/** Every route the API serves, in one table: mounted by app.ts and documented by openapi.ts. */
export function routeTable(deps: ApiDeps): RouteSpec[] {
  const services = deps.services;
  const features = services ? deps.features : [];
  const featureRoutes = services ? features.flatMap((feature) => feature.routes?.({ ...deps, services }) ?? []) : [];
  const allSubmissions = [...deps.submissions, ...features.flatMap((feature) => feature.submissions ?? [])];
  const submissions = allSubmissions.flatMap((route) => submissionRoutes(deps, route));
  return withPrivacyChecks([
    ...submissions,
    ...featureRoutes,
    { method: 'get', path: '/v1/jobs', summary: "List the caller's jobs, newest first", guard: 'tenant', handler: listJobs(deps), operationId: 'listJobs', query: ListQuery, response: { 200: JobList }, responses: { 200: 'a page of jobs', 401: tenantErrors[401] } },
    { method: 'get', path: '/v1/jobs/:id', summary: 'State, progress, attempts, timestamps, error and result summary of a job', guard: 'tenant', handler: getJob(deps), operationId: 'getJob', response: { 200: JobDetail }, responses: { 200: 'the job', ...tenantErrors } },
    { method: 'get', path: '/v1/jobs/:id/results', summary: 'Item results of a job, paginated with a cursor', guard: 'tenant', handler: getJobResults(deps), operationId: 'listJobResults', query: PageQuery, response: { 200: ResultPage }, responses: { 200: 'a page of item results', 400: 'bad cursor or limit', ...tenantErrors } },
    { method: 'get', path: '/v1/jobs/:id/events', summary: 'Server-sent events: state, progress in order, then completion', guard: 'tenant', handler: jobEvents(deps), stream: true, operationId: 'streamJobEvents', responses: { 200: 'an event stream', ...tenantErrors } },
    { method: 'delete', path: '/v1/jobs/:id', summary: 'Cancel: a waiting job is removed, an active one is told to stop', guard: 'tenant', handler: deleteJob(deps), operationId: 'cancelJob', response: { 200: CancelOutcome, 202: CancelOutcome }, responses: { 200: 'cancelled', 202: 'the worker was told to stop', 409: 'already finished', ...tenantErrors } },
    { method: 'get', path: '/healthz', summary: 'Liveness: the process answers', guard: 'public', handler: healthz, operationId: 'getHealth', response: { 200: Health }, responses: { 200: 'alive' } },
    { method: 'get', path: '/readyz', summary: 'Readiness: Redis reachable and a worker seen recently', guard: 'public', handler: readyz(deps), operationId: 'getReadiness', response: { 200: Readiness, 503: Readiness }, responses: { 200: 'ready', 503: 'not ready, with the reason' } },
  ]);
}

/** Identifiers and patterns that look like personal data are refused before a handler runs (privacy/field-inventory.ts). */
function withPrivacyChecks(routes: RouteSpec[]): RouteSpec[] {
  return routes.map((route) => {
    const fields = fieldsOf(route.method, route.path);
    return fields ? { ...route, handler: withIdentifierCheck(fields, route.handler) } : route;
  });
}
