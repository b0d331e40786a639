import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { encodingForModel, getEncoder } from '@llmops/tokens';
import { completionBody, prepareChat, type ChatChoice } from '../chat/completion';
import { lastUserText } from '../chat/prompt';
import type { SimContext } from '../context';
import { admit } from '../http/admit';
import { ApiError, invalid, notFound, parseBody } from '../http/errors';
import { note } from '../http/request-log';
import { tunedAnswer } from './answer';
import type { FineTuningStore } from './store';

const CreateJob = z.looseObject({
  model: z.string().min(1),
  training_file: z.string().min(1),
  validation_file: z.string().nullable().optional(),
  suffix: z.string().max(64).nullable().optional(),
  seed: z.number().int().nullable().optional(),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
  hyperparameters: z.looseObject({ n_epochs: z.union([z.number().int().min(1).max(50), z.literal('auto')]).optional() }).optional(),
  method: z
    .looseObject({
      type: z.string(),
      supervised: z
        .looseObject({ hyperparameters: z.looseObject({ n_epochs: z.union([z.number().int().min(1).max(50), z.literal('auto')]).optional() }).optional() })
        .optional(),
    })
    .optional(),
});

const Knobs = z.strictObject({ stepMs: z.number().int().min(1).max(600_000).optional(), failTraining: z.boolean().optional() });

/** The fault knobs (latency, 429, 5xx, hangs, RPM) apply to fine-tuning calls too. */
const admitted = (ctx: SimContext, req: Request, res: Response) => admit(ctx, req, res, 0);

/** POST /v1/fine_tuning/jobs */
export function createFineTune(ctx: SimContext, store: FineTuningStore) {
  return async (req: Request, res: Response) => {
    const body = parseBody(CreateJob, req.body);
    note(res, { model: body.model });
    if (!(await admitted(ctx, req, res))) return;
    const file = ctx.files.get(body.training_file);
    if (!file) throw notFound(`No such File object: ${body.training_file}`, 'training_file');
    if (file.purpose !== 'fine-tune')
      throw invalid(`File ${file.id} has purpose '${file.purpose}'; fine-tuning needs purpose 'fine-tune'.`, 'training_file', 'invalid_value');
    if (body.model.startsWith('ft:') && !store.tunedModel(body.model))
      throw invalid(`Model ${body.model} is not available for fine-tuning.`, 'model', 'model_not_available');
    const epochs = body.method?.supervised?.hyperparameters?.n_epochs ?? body.hyperparameters?.n_epochs ?? 'auto';
    res.json(
      store.create({
        model: body.model,
        trainingFile: file.id,
        epochs: epochs === 'auto' ? 3 : epochs,
        suffix: body.suffix ?? null,
        seed: body.seed ?? null,
        metadata: body.metadata ?? null,
      }),
    );
  };
}

export function getFineTune(ctx: SimContext, store: FineTuningStore) {
  return async (req: Request, res: Response) => {
    if (!(await admitted(ctx, req, res))) return;
    const job = store.view(String(req.params.id));
    if (!job) throw notFound(`No such fine-tuning job: ${String(req.params.id)}`, 'id');
    res.json(job);
  };
}

/** GET /v1/fine_tuning/jobs?after=&limit=: newest first. */
export function listFineTunes(ctx: SimContext, store: FineTuningStore) {
  return async (req: Request, res: Response) => {
    if (!(await admitted(ctx, req, res))) return;
    const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 20) || 20));
    let all = store.list();
    const after = typeof req.query.after === 'string' ? req.query.after : undefined;
    if (after) all = all.slice(all.findIndex((job) => job.id === after) + 1);
    res.json({ object: 'list', data: all.slice(0, limit), has_more: all.length > limit });
  };
}

export function listFineTuneEvents(ctx: SimContext, store: FineTuningStore) {
  return async (req: Request, res: Response) => {
    if (!(await admitted(ctx, req, res))) return;
    const events = store.events(String(req.params.id));
    if (!events) throw notFound(`No such fine-tuning job: ${String(req.params.id)}`, 'id');
    const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 20) || 20));
    res.json({ object: 'list', data: events.slice(0, limit), has_more: events.length > limit });
  };
}

export function cancelFineTune(ctx: SimContext, store: FineTuningStore) {
  return async (req: Request, res: Response) => {
    if (!(await admitted(ctx, req, res))) return;
    const job = store.cancel(String(req.params.id));
    if (!job) throw notFound(`No such fine-tuning job: ${String(req.params.id)}`, 'id');
    if (job === 'final') throw new ApiError(400, 'Job has already completed.', 'invalid_request_error', null, 'job_not_cancellable');
    res.json(job);
  };
}

/**
 * POST /v1/chat/completions for a tuned model this simulator made (text answers; JSON formats and
 * streams fall through to the base behaviour). A `ft:` id it did not make is a 404, as on OpenAI.
 */
export function tunedChat(ctx: SimContext, store: FineTuningStore) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const model = (req.body as { model?: unknown } | undefined)?.model;
    if (typeof model !== 'string' || !model.startsWith('ft:')) return next();
    const examples = store.tunedModel(model);
    if (!examples)
      throw new ApiError(404, `The model '${model}' does not exist or you do not have access to it.`, 'invalid_request_error', 'model', 'model_not_found');
    const prepared = prepareChat(req.body);
    if (prepared.request.stream || prepared.request.response_format) return next();
    note(res, { model, promptTokens: prepared.promptTokens });
    if (!(await admit(ctx, req, res, prepared.estimatedTokens))) return;
    const content = tunedAnswer(lastUserText(prepared.request.messages), examples);
    const encoder = getEncoder(encodingForModel(model));
    const tokens = encoder.encode_ordinary(content);
    const max = prepared.request.max_completion_tokens ?? prepared.request.max_tokens ?? null;
    const cut = max !== null && tokens.length > max;
    const choice = {
      content: cut ? new TextDecoder().decode(encoder.decode(tokens.slice(0, max))) : content,
      finishReason: cut ? ('length' as const) : ('stop' as const),
      completionTokens: cut ? max : tokens.length,
    };
    const choices: ChatChoice[] = Array.from({ length: prepared.request.n ?? 1 }, (_, index) => ({ index, ...choice }));
    note(res, { completionTokens: choices.reduce((sum, c) => sum + c.completionTokens, 0) });
    res.json(completionBody(`chatcmpl-sim${ctx.nextRequestNumber()}`, prepared, choices, Math.floor(Date.now() / 1000)));
  };
}

/** GET / POST /_sim/fine-tuning: the fine-tuning knobs. */
export function fineTuningKnobs(store: FineTuningStore) {
  return (req: Request, res: Response) => {
    if (req.method === 'POST') store.knobs = { ...store.knobs, ...parseBody(Knobs, req.body ?? {}) };
    res.json(store.knobs);
  };
}
