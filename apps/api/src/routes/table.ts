import type { ApiDeps } from '../deps';
import { healthz, readyz } from './health';
import { deleteJob, getJob, getJobResults, ListQuery, listJobs, PageQuery } from './jobs';
import { jobEvents } from './events';
import { submissionRoutes } from './submission-routes';
import { fieldsOf } from '../privacy/field-inventory';
import { withIdentifierCheck } from '../privacy/identifiers';
import { CancelOutcome, JobDetail, JobList, ResultPage } from '../schemas/jobs';
import type { RouteSpec } from './route-spec';
import { Health, Readiness } from '../schemas/platform';

export type { RouteSpec } from './route-spec';

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
    {
      method: 'get',
      path: '/v1/jobs',
      summary: "List the caller's jobs, newest first",
      guard: 'tenant',
      handler: listJobs(deps),
      operationId: 'listJobs',
      query: ListQuery,
      response: { 200: JobList },
      responses: { 200: 'a page of jobs', 401: tenantErrors[401] },
    },
    {
      method: 'get',
      path: '/v1/jobs/:id',
      summary: 'State, progress, attempts, timestamps, error and result summary of a job',
      guard: 'tenant',
      handler: getJob(deps),
      operationId: 'getJob',
      response: { 200: JobDetail },
      responses: { 200: 'the job', ...tenantErrors },
    },
    {
      method: 'get',
      path: '/v1/jobs/:id/results',
      summary: 'Item results of a job, paginated with a cursor',
      guard: 'tenant',
      handler: getJobResults(deps),
      operationId: 'listJobResults',
      query: PageQuery,
      response: { 200: ResultPage },
      responses: { 200: 'a page of item results', 400: 'bad cursor or limit', ...tenantErrors },
    },
    {
      method: 'get',
      path: '/v1/jobs/:id/events',
      summary: 'Server-sent events: state, progress in order, then completion',
      guard: 'tenant',
      handler: jobEvents(deps),
      stream: true,
      operationId: 'streamJobEvents',
      responses: { 200: 'an event stream', ...tenantErrors },
    },
    {
      method: 'delete',
      path: '/v1/jobs/:id',
      summary: 'Cancel: a waiting job is removed, an active one is told to stop',
      guard: 'tenant',
      handler: deleteJob(deps),
      operationId: 'cancelJob',
      response: { 200: CancelOutcome, 202: CancelOutcome },
      responses: { 200: 'cancelled', 202: 'the worker was told to stop', 409: 'already finished', ...tenantErrors },
    },
    {
      method: 'get',
      path: '/healthz',
      summary: 'Liveness: the process answers',
      guard: 'public',
      handler: healthz,
      operationId: 'getHealth',
      response: { 200: Health },
      responses: { 200: 'alive' },
    },
    {
      method: 'get',
      path: '/readyz',
      summary: 'Readiness: Redis reachable and a worker seen recently',
      guard: 'public',
      handler: readyz(deps),
      operationId: 'getReadiness',
      response: { 200: Readiness, 503: Readiness },
      responses: { 200: 'ready', 503: 'not ready, with the reason' },
    },
  ]);
}

/** Identifiers and patterns that look like personal data are refused before a handler runs (privacy/field-inventory.ts). */
function withPrivacyChecks(routes: RouteSpec[]): RouteSpec[] {
  return routes.map((route) => {
    const fields = fieldsOf(route.method, route.path);
    return fields ? { ...route, handler: withIdentifierCheck(fields, route.handler) } : route;
  });
}
