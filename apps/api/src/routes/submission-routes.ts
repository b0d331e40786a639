import type { ApiDeps, SubmissionRoute } from '../deps';
import { bulkBody, bulkSubmissionHandler, submissionHandler } from './submit';
import type { RouteSpec } from './route-spec';
import { BulkAccepted, JobAccepted } from '../schemas/jobs';

const commonErrors = {
  401: 'missing or unknown API key',
  413: 'body over BODY_LIMIT',
  415: 'body is not application/json',
  422: 'Idempotency-Key reused with a different body',
};

/** A job type's two entry points: one job per request, and up to 1,000 per request at `<path>/batch`. */
export function submissionRoutes(deps: ApiDeps, route: SubmissionRoute): RouteSpec[] {
  return [
    {
      method: 'post',
      path: route.path,
      summary: route.summary,
      guard: 'tenant',
      handler: submissionHandler(deps, route),
      body: route.body,
      idempotent: true,
      operationId: operationIdOf(route),
      response: { 202: JobAccepted },
      responses: {
        202: 'accepted: the job id, with a Location header to poll',
        400: 'malformed JSON or a wrong field (each named by its path)',
        ...commonErrors,
      },
    },
    {
      method: 'post',
      path: `${route.path}/batch`,
      summary: `${route.summary} -- up to 1,000 at once ({"jobs": [...]}); all validated before any is enqueued`,
      guard: 'tenant',
      handler: bulkSubmissionHandler(deps, route),
      body: bulkBody(route),
      idempotent: true,
      operationId: `${operationIdOf(route)}Batch`,
      response: { 202: BulkAccepted },
      responses: {
        202: 'accepted: one job id per body, in order',
        400: 'malformed JSON or a wrong field (body.jobs.<i>.<path>); nothing enqueued',
        ...commonErrors,
      },
    },
  ];
}

/** `submit<JobType>` (`cache-calibration` -> `submitCacheCalibration`), for /openapi.json and generated clients. */
function operationIdOf(route: SubmissionRoute): string {
  return `submit${route.job.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase())}`;
}
