import type { Request, Response } from 'express';
import { answerChat, completionBody, prepareChat } from '../chat/completion';
import { streamChat } from '../chat/stream';
import type { SimContext } from '../context';
import { embeddingsBody, prepareEmbeddings } from '../embeddings/endpoint';
import { admit } from '../http/admit';
import { notFound } from '../http/errors';
import { note } from '../http/request-log';
import { modelList } from '../models';

export function chatHandler(ctx: SimContext) {
  return async (req: Request, res: Response) => {
    const prepared = prepareChat(req.body);
    note(res, { model: prepared.request.model, promptTokens: prepared.promptTokens });
    if (!(await admit(ctx, req, res, prepared.estimatedTokens))) return;
    const choices = answerChat(prepared, ctx.seed, () => ctx.occurrence(prepared.promptHash));
    note(res, { completionTokens: choices.reduce((sum, c) => sum + c.completionTokens, 0) });
    const id = `chatcmpl-sim${ctx.nextRequestNumber()}`;
    const created = Math.floor(Date.now() / 1000);
    if (prepared.request.stream) streamChat(res, id, prepared, choices, created);
    else res.json(completionBody(id, prepared, choices, created));
  };
}

export function embeddingsHandler(ctx: SimContext) {
  return async (req: Request, res: Response) => {
    const prepared = prepareEmbeddings(req.body, (m) => ctx.dimensionsFor(m));
    note(res, { model: prepared.model, promptTokens: prepared.promptTokens });
    if (!(await admit(ctx, req, res, prepared.promptTokens))) return;
    res.json(embeddingsBody(prepared));
  };
}

export function listModels(_req: Request, res: Response) {
  res.json(modelList());
}

export function getModel(req: Request, res: Response) {
  const model = modelList().data.find((m) => m.id === req.params.model);
  if (!model) throw notFound(`The model '${String(req.params.model)}' does not exist`, 'model');
  res.json(model);
}
