import type { Request, Response } from 'express';
import { z } from 'zod';
import { BATCH_ENDPOINTS } from '../batch/types';
import type { SimContext } from '../context';
import { ApiError, invalid, notFound, parseBody } from '../http/errors';

const CreateBatch = z.looseObject({
  input_file_id: z.string().min(1),
  endpoint: z.string(),
  completion_window: z.literal('24h'),
  metadata: z.record(z.string(), z.string()).nullable().optional(),
});

export function createBatch(ctx: SimContext) {
  return (req: Request, res: Response) => {
    const body = parseBody(CreateBatch, req.body);
    if (!BATCH_ENDPOINTS.includes(body.endpoint)) {
      throw invalid(`Invalid endpoint '${body.endpoint}': the simulator batches ${BATCH_ENDPOINTS.join(' and ')}.`, 'endpoint', 'invalid_value');
    }
    const file = ctx.files.get(body.input_file_id);
    if (!file) throw notFound(`No such File object: ${body.input_file_id}`, 'input_file_id');
    if (file.purpose !== 'batch')
      throw invalid(`File ${file.id} has purpose '${file.purpose}'; a batch needs purpose 'batch'.`, 'input_file_id', 'invalid_value');
    res.json(ctx.batches.create(file.id, body.endpoint, body.completion_window, body.metadata ?? null));
  };
}

export function getBatch(ctx: SimContext) {
  return (req: Request, res: Response) => {
    res.json(batchOr404(ctx, String(req.params.id)));
  };
}

export function cancelBatch(ctx: SimContext) {
  return (req: Request, res: Response) => {
    const batch = batchOr404(ctx, String(req.params.id));
    if (batch.status !== 'validating' && batch.status !== 'in_progress') {
      throw new ApiError(409, `Cannot cancel a batch with status '${batch.status}'.`, 'invalid_request_error', null, 'batch_not_cancellable');
    }
    ctx.batches.cancel(batch);
    res.json(batch);
  };
}

/** GET /v1/batches?after=&limit=: newest first, cursor pagination like OpenAI's. */
export function listBatches(ctx: SimContext) {
  return (req: Request, res: Response) => {
    const limit = Math.min(100, Math.max(1, Number(req.query.limit ?? 20) || 20));
    let all = ctx.batches.list();
    const after = typeof req.query.after === 'string' ? req.query.after : undefined;
    if (after) all = all.slice(all.findIndex((b) => b.id === after) + 1);
    const data = all.slice(0, limit);
    res.json({ object: 'list', data, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null, has_more: all.length > limit });
  };
}

function batchOr404(ctx: SimContext, id: string) {
  const batch = ctx.batches.get(id);
  if (!batch) throw notFound(`No such Batch object: ${id}`, 'id');
  return batch;
}
