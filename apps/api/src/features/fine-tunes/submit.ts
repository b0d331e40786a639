import type { RequestHandler } from 'express';
import { jobDataKeys, fineTuneJobs, type EvaluationCase, type EvaluationPayload, type GraderSpec } from '@llmops/contracts';
import { graderProblems, JUDGE_MAX_TOKENS } from '@llmops/eval';
import { estimateEvaluation, type WorkEstimate } from '@llmops/limits';
import { submitJob } from '@llmops/queue';
import type { PlatformServices } from '@llmops/services';
import type { ModelInfo } from '@llmops/tokens';
import type { ApiDeps } from '../../deps';
import { HttpError, validationError } from '../../http/errors';
import { admitting, jsonBytes } from '../../limits/admit';
import { requireModel } from '../../submission/references';
import { canonicalHash, readIdempotencyKey, requireJson } from '../../submission/request';
import { acceptOne, settle } from '../../submission/respond';
import { protector, type TextMap } from '../pipelines/protect';
import { FineTuneRequest } from './body';
import { caseOf, datasetText, DEFAULT_GRADERS, prepareDataset, type PreparedDataset } from './dataset';

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

/** The worst case: the training at its estimate, and both held-out evaluations (the tuned one at tuned prices). */
async function worstCase(
  services: PlatformServices,
  model: ModelInfo,
  prepared: PreparedDataset,
  held: { cases: EvaluationCase[]; graders: GraderSpec[] } | undefined,
): Promise<WorkEstimate> {
  const training = {
    model: model.name,
    kind: 'chat' as const,
    batch: false,
    calls: 1,
    inputTokens: prepared.estimate.trainingTokens,
    outputTokens: 0,
    costNanoUsd: prepared.estimate.nanoUsd,
  };
  const evaluations = held
    ? await Promise.all(
        [model.name, `ft:${model.name}:estimate::held-out`].map((generator) =>
          estimateEvaluation(
            { cases: held.cases, generate: { model: generator, temperature: 0 }, graders: held.graders } satisfies EvaluationPayload,
            services.registry,
            { judgeOutputTokens: JUDGE_MAX_TOKENS },
          ),
        ),
      )
    : [];
  const byModel = [training, ...evaluations.flatMap((estimate) => estimate.byModel)];
  return {
    // The limits have no fine-tune kind; the work is calls, tokens and dollars like inference's.
    jobType: 'fine-tune',
    calls: byModel.reduce((sum, work) => sum + work.calls, 0),
    inputTokens: byModel.reduce((sum, work) => sum + work.inputTokens, 0),
    outputTokens: byModel.reduce((sum, work) => sum + work.outputTokens, 0),
    costNanoUsd: byModel.reduce((sum, work) => sum + work.costNanoUsd, 0n),
    byModel,
    detail: `1 training of ${prepared.train.length} examples x ${prepared.estimate.epochs} epochs${held ? ` + 2 evaluations of ${held.cases.length} held-out cases` : ''}`,
  };
}

async function protectGrader(grader: GraderSpec, protect: TextMap): Promise<GraderSpec> {
  if (grader.type === 'contains' && grader.value !== undefined) return { ...grader, value: await protect(grader.value) };
  if (grader.type === 'rubric' && typeof grader.rubric === 'object')
    return { ...grader, rubric: { ...grader.rubric, criteria: await protect(grader.rubric.criteria) } };
  return grader;
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
    const prepared = await prepareDataset(model, await datasetText(deps.services, tenant, request.dataset), request);
    const summary = {
      baseModel: model.name,
      examples: prepared.check.examples.length,
      trainingExamples: prepared.train.length,
      heldOutExamples: prepared.held.length,
      tokens: { dataset: prepared.datasetTokens, training: prepared.estimate.trainingTokens, largestExample: Math.max(...prepared.check.tokens) },
      trainingContextTokens: model.fineTuning!.trainingContextTokens,
      estimate: { usd: prepared.estimate.usd, trainingPerMTok: prepared.estimate.trainingPerMTok, epochs: request.epochs },
    };
    if (request.dryRun) {
      res.json({ dryRun: true, ...summary });
      return;
    }
    const held = request.heldOut ? { cases: prepared.held.map(caseOf), graders } : undefined;
    const estimate = await worstCase(deps.services, model, prepared, held);
    const lines = prepared.train.map((example) => JSON.stringify(example));
    const admit = await admitting(deps.services.limits, {
      tenant,
      queue: 'fine-tune',
      jobs: [{ bytes: jsonBytes(lines) + jsonBytes(held ?? null), estimate }],
      maxCostUsd: request.maxCostUsd,
    });
    const build = async (jobId: string) => {
      const protect = protector(deps.services, tenant, jobId);
      const key = jobDataKeys(deps.keys.prefix, jobId).fineTuneData;
      for (let start = 0; start < prepared.train.length; start += 250) {
        const slice = await Promise.all(
          prepared.train.slice(start, start + 250).map(async (example) => ({
            messages: await Promise.all(example.messages.map(async (message) => ({ ...message, content: await protect(message.content) }))),
          })),
        );
        await deps.redis
          .multi()
          .hset(key, ...slice.flatMap((example, i) => [`train:${start + i}`, JSON.stringify(example)]))
          .expire(key, deps.retentionSeconds)
          .exec();
      }
      const cases = held
        ? await Promise.all(
            held.cases.map(async (kase) => ({
              ...kase,
              input: await protect(kase.input),
              expected: await protect(kase.expected!),
              ...(kase.context ? { context: await protect(kase.context) } : {}),
            })),
          )
        : [];
      if (cases.length > 0)
        await deps.redis
          .multi()
          .hset(key, ...cases.flatMap((kase, i) => [`held:${i}`, JSON.stringify(kase)]))
          .expire(key, deps.retentionSeconds)
          .exec();
      return fineTuneJobs['fine-tune'].payload.parse({
        baseModel: model.name,
        epochs: request.epochs,
        ...(request.suffix ? { suffix: request.suffix } : {}),
        examples: prepared.train.length,
        datasetTokens: prepared.datasetTokens,
        estimatedUsd: prepared.estimate.usd,
        ...(held ? { heldOut: { cases: held.cases.length, graders: await Promise.all(held.graders.map((grader) => protectGrader(grader, protect))) } } : {}),
        pollIntervalMs: request.pollIntervalMs,
      });
    };
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
