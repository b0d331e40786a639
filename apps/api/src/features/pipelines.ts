import type { Feature } from '../deps';
import type { RouteSpec } from '../routes/table';
import { DefinitionQuery, PipelineRequest, SaveDefinitionRequest } from './pipelines/body';
import { getDefinition, listDefinitions, saveDefinition } from './pipelines/definitions';
import { getPipelineResults, PageQuery } from './pipelines/results';
import { submitPipeline } from './pipelines/submit';
import { PipelineAccepted, PipelineDefinitionList, PipelineDefinitionSaved, PipelineDefinitionView } from '../schemas/orchestration';
import { ResultPage } from '../schemas/jobs';

const auth = { 401: 'missing or unknown API key' };

/**
 * The pipeline routes: runs (a job over many inputs; its results with the owner's data restored) and
 * saved, versioned definitions. `POST /v1/pipelines` is a feature route: like inference, it stores
 * its inputs (pseudonymized with the job id as scope) apart from the payload before enqueueing.
 */
export const pipelinesFeature: Feature = {
  routes: (deps): RouteSpec[] => [
    {
      method: 'post',
      path: '/v1/pipelines',
      summary: 'Run a prompt chain (inline `definition`, or a saved `pipeline` name and version) over inputs; a job, resumed step by step after a crash',
      guard: 'tenant',
      handler: submitPipeline(deps),
      body: PipelineRequest,
      idempotent: true,
      operationId: 'submitPipeline',
      response: { 202: PipelineAccepted },
      responses: {
        202: 'accepted: the job id, its Location and its results link',
        400: 'invalid definition (each problem names its step) or inputs',
        402: 'over a budget',
        404: 'no such saved pipeline or collection',
        413: 'over a work cap',
        422: 'Idempotency-Key reused with another body',
        ...auth,
      },
    },
    {
      method: 'post',
      path: '/v1/pipelines/definitions',
      summary: 'Save a pipeline definition (checked like a run) as the next version of its name',
      guard: 'tenant',
      handler: saveDefinition(deps),
      body: SaveDefinitionRequest,
      operationId: 'savePipelineDefinition',
      response: { 201: PipelineDefinitionSaved },
      responses: {
        201: 'saved: name, version, createdAt',
        400: 'invalid definition (each problem names its step)',
        404: 'a collection it retrieves from does not exist',
        409: 'too many saved versions',
        ...auth,
      },
    },
    {
      method: 'get',
      path: '/v1/pipelines/definitions',
      summary: "The caller's saved pipelines with their latest version",
      guard: 'tenant',
      handler: listDefinitions(deps),
      operationId: 'listPipelineDefinitions',
      response: { 200: PipelineDefinitionList },
      responses: { 200: 'names and latest versions', ...auth },
    },
    {
      method: 'get',
      path: '/v1/pipelines/definitions/:name',
      summary: "A saved pipeline version (`?version=`, default the latest) with the owner's data restored",
      guard: 'tenant',
      handler: getDefinition(deps),
      operationId: 'getPipelineDefinition',
      response: { 200: PipelineDefinitionView },
      query: DefinitionQuery,
      responses: { 200: 'the definition', 400: 'bad version', 404: 'no such saved pipeline or version', ...auth },
    },
    // After the definitions routes: `/v1/pipelines/definitions/...` is never taken for a job id.
    {
      method: 'get',
      path: '/v1/pipelines/:id/results',
      summary:
        "Each input's output and step records (cache, usage, cost, the run that did it) with the owner's personal data restored, paginated with a cursor",
      guard: 'tenant',
      handler: getPipelineResults(deps),
      operationId: 'listPipelineResults',
      response: { 200: ResultPage },
      query: PageQuery,
      responses: { 200: 'a page of input results', 400: 'bad cursor or limit', 404: 'no such pipeline job for this tenant', ...auth },
    },
  ],
};
