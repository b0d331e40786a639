import type { RequestHandler } from 'express';
import { pipelineInputsKey, pipelineJobs, type PipelineDefinition, type PipelineInput, type PipelinePayload } from '@llmops/contracts';
import { definitionScope, estimatePipeline, planPipeline } from '@llmops/pipelines';
import { submitJob } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps } from '../../deps';
import { validationError } from '../../http/errors';
import { admitting, jsonBytes } from '../../limits/admit';
import { canonicalHash, readIdempotencyKey, requireJson } from '../../submission/request';
import { acceptOne, settle } from '../../submission/respond';
import { PipelineRequest } from './body';
import { mapDefinition, mapInput, protector, restorer } from './protect';
import { checkDefinition, checkInputs, savedPipeline } from './references';

type Deps = ApiDeps & { services: PlatformServices };

/** Inputs pseudonymized at once and written per HSET. */
const INPUTS_PER_WRITE = 250;

/**
 * Pseudonymizes the inputs with the job as vault scope and writes them into the job's input hash
 * (one field per input) before the job is enqueued. Runs only for the request that creates the job.
 */
async function storeInputs(deps: Deps, tenant: string, jobId: string, inputs: readonly PipelineInput[]): Promise<void> {
  const protect = protector(deps.services, tenant, jobId);
  const key = pipelineInputsKey(deps.keys.prefix, jobId);
  for (let start = 0; start < inputs.length; start += INPUTS_PER_WRITE) {
    const safe = await Promise.all(inputs.slice(start, start + INPUTS_PER_WRITE).map((input) => mapInput(input, protect)));
    await deps.redis
      .multi()
      .hset(key, ...safe.flatMap((input, i) => [String(start + i), JSON.stringify(input)]))
      .expire(key, deps.retentionSeconds)
      .exec();
  }
}

/**
 * POST /v1/pipelines: checks the definition (each problem named by step), its models and collections,
 * and the inputs' variables; holds the worst case against the tenant's limits; then stores the inputs
 * and the definition pseudonymized with the job as scope (a saved definition is first restored from
 * the tenant's definition scope) and enqueues one job.
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
    const build = async (jobId: string): Promise<PipelinePayload> => {
      const plain = saved ? await mapDefinition(saved.definition, restorer(deps.services, definitionScope(tenant))) : definition;
      const payload = pipelineJobs.pipeline.payload.parse({
        definition: await mapDefinition(plain, protector(deps.services, tenant, jobId)),
        ...(saved ? { source: { name: saved.name, version: saved.version } } : {}),
        inputCount: body.inputs.length,
      });
      await storeInputs(deps, tenant, jobId, body.inputs);
      return payload;
    };
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
