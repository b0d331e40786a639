import type { RequestHandler } from 'express';
import type { PipelineDefinition } from '@llmops/contracts';
import { estimatePipeline, planPipeline, preparePipelineJob } from '@llmops/pipelines';
import { submitJob } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { validationError } from '../../http/errors';
import { admitting, jsonBytes } from '../../limits/admit';
import { canonicalHash, readIdempotencyKey, requireJson } from '../../submission/request';
import { acceptOne, settle } from '../../submission/respond';
import { PipelineRequest } from './body';
import { vaultMaps } from './protect';
import { checkDefinition, checkInputs, savedPipeline } from './references';

type Deps = ApiDeps & { services: PlatformServices };

/**
 * POST /v1/pipelines: checks the definition (each problem named by step), its models and collections,
 * and the inputs' variables; holds the worst case against the tenant's limits; then stores the inputs
 * and the definition pseudonymized with the job as scope (preparePipelineJob) and enqueues one job.
 */
export function submitPipeline(deps: Deps): RequestHandler {
  return async (req, res) => {
    requireJson(req);
    const parsed = PipelineRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const tenant = req.tenant!;
    const body = parsed.data;
    const context = { tenant, services: deps.services, redis: deps.redis, prefix: deps.keys.prefix };
    const saved = body.pipeline ? await savedPipeline(context, body.pipeline, 'body.pipeline') : undefined;
    const definition: PipelineDefinition = saved?.definition ?? body.definition!;
    const collectionModels = await checkDefinition(definition, context, saved ? 'body.pipeline (saved definition)' : 'body.definition');
    checkInputs(definition, body.inputs, 'body.inputs');
    const estimate = await estimatePipeline(planPipeline(definition), body.inputs, deps.services.registry, { collectionModels });
    const admit = await admitting(deps.services.limits, {
      tenant,
      queue: 'pipeline',
      jobs: [{ bytes: jsonBytes(body.inputs) + jsonBytes(definition), estimate }],
      maxCostUsd: body.maxCostUsd,
    });
    const submission = { tenant, definition, ...(saved ? { saved } : {}), inputs: body.inputs };
    const store = { redis: deps.redis, prefix: deps.keys.prefix, retentionSeconds: deps.retentionSeconds };
    const build = (jobId: string) => preparePipelineJob(store, vaultMaps(deps.services), submission, jobId);
    const outcome = await settle(
      submitJob(deps, {
        jobName: 'pipeline',
        tenant,
        payload: { build },
        requestHash: await canonicalHash({ path: req.path, body: req.body }),
        idempotencyKey: readIdempotencyKey(req),
        admit,
      }),
    );
    acceptOne(res, outcome, 'pipeline', {
      results: `/v1/pipelines/${outcome.jobId}/results`,
      ...(saved ? { pipeline: { name: saved.name, version: saved.version } } : {}),
    });
  };
}
