import type { RequestHandler } from 'express';
import { graderProblems, JUDGE_MAX_TOKENS } from '@llmops/eval';
import { caseOf, datasetSummary, DEFAULT_GRADERS, fineTuneWorstCase, prepareFineTuneJob } from '@llmops/finetune';
import { submitJob } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ModelInfo } from '@llmops/tokens';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { admitting, jsonBytes } from '../../limits/admit';
import { requireModel } from '../../submission/references';
import { canonicalHash, readIdempotencyKey, requireJson } from '../../submission/request';
import { acceptOne, settle } from '../../submission/respond';
import { protector } from '../pipelines/protect';
import { FineTuneRequest } from './body';
import { datasetText, preparedDataset } from './dataset';

type Deps = ApiDeps & { services: PlatformServices };

const invalid = (path: string, message: string) => new HttpError(400, 'invalid_request', `${path}: ${message}`, { issues: [{ path, message }] });

/** The base model: a chat model of the registry with a training price. */
function tunableModel(services: PlatformServices, name: string): ModelInfo {
  requireModel(services, name, 'chat', 'body.baseModel');
  const model = services.registry.require(name);
  if (model.fineTuning && model.pricing.trainingPerMTok !== undefined) return model;
  const tunable = services.registry
    .list()
    .filter((m) => m.fineTuning && m.pricing.trainingPerMTok !== undefined)
    .map((m) => m.name);
  throw invalid('body.baseModel', `not a fine-tunable model (tunable: ${tunable.join(', ')}; add training prices with MODEL_OVERRIDES)`);
}

/**
 * POST /v1/fine-tunes: checks every example (a 400 by line number), splits off the held-out examples,
 * and estimates the training from the registry's training price before anything is spent. A dry run
 * answers 200 with that estimate. Otherwise the examples and held-out cases are pseudonymized with
 * the job as scope and stored, and one fine-tune job is enqueued (its worst case held against the
 * tenant's limits).
 */
export function submitFineTune(deps: Deps): RequestHandler {
  return async (req, res) => {
    requireJson(req);
    const parsed = FineTuneRequest.safeParse(req.body);
    if (!parsed.success) throw validationError(parsed.error);
    const request = parsed.data;
    const tenant = req.tenant!;
    const model = tunableModel(deps.services, request.baseModel);
    const graders = request.heldOut?.graders ?? DEFAULT_GRADERS;
    const problems = graderProblems(graders).map((problem) => ({ path: `body.heldOut.${problem.path}`, message: problem.message }));
    if (problems.length > 0)
      throw new HttpError(400, 'invalid_request', problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '), { issues: problems });
    const prepared = await preparedDataset(model, await datasetText(deps.services, tenant, request.dataset), request);
    const summary = datasetSummary(model, prepared, request.epochs);
    if (request.dryRun) {
      res.json({ dryRun: true, ...summary });
      return;
    }
    const held = request.heldOut ? { cases: prepared.held.map(caseOf), graders } : undefined;
    const estimate = await fineTuneWorstCase(deps.services.registry, model, prepared, held, { judgeOutputTokens: JUDGE_MAX_TOKENS });
    const lines = prepared.train.map((example) => JSON.stringify(example));
    const admit = await admitting(deps.services.limits, {
      tenant,
      queue: 'fine-tune',
      jobs: [{ bytes: jsonBytes(lines) + jsonBytes(held ?? null), estimate }],
      maxCostUsd: request.maxCostUsd,
    });
    const submission = {
      baseModel: model.name,
      epochs: request.epochs,
      ...(request.suffix ? { suffix: request.suffix } : {}),
      pollIntervalMs: request.pollIntervalMs,
      prepared,
      ...(held ? { held } : {}),
    };
    const store = { redis: deps.redis, prefix: deps.keys.prefix, retentionSeconds: deps.retentionSeconds };
    const build = (jobId: string) => prepareFineTuneJob(store, protector(deps.services, tenant, jobId), submission, jobId);
    const outcome = await settle(
      submitJob(deps, {
        jobName: 'fine-tune',
        tenant,
        payload: { build },
        requestHash: await canonicalHash({ path: req.path, body: req.body }),
        idempotencyKey: readIdempotencyKey(req),
        admit,
      }),
    );
    acceptOne(res, outcome, 'fine-tune', summary);
  };
}
