import type { Request as HttpRequest, Response } from 'express';
import type { SimContext } from '../context';
import { invalid, notFound } from '../http/errors';
import { note } from '../http/request-log';

/** POST /v1/files: multipart with `file` and `purpose`, parsed by the platform's own FormData. */
export function uploadFile(ctx: SimContext) {
  return async (req: HttpRequest, res: Response) => {
    const type = req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data') || !Buffer.isBuffer(req.body)) {
      throw invalid('Expected a multipart/form-data body with file and purpose.', 'file');
    }
    const form = await new Request('http://sim.local/', { method: 'POST', headers: { 'content-type': type }, body: req.body }).formData().catch(() => {
      throw invalid('The multipart body could not be parsed.', 'file');
    });
    const purpose = form.get('purpose');
    const file = form.get('file');
    if (typeof purpose !== 'string' || !purpose) throw invalid("Missing required parameter: 'purpose'.", 'purpose', 'missing_required_parameter');
    if (!file || typeof file === 'string') throw invalid("Missing required parameter: 'file'.", 'file', 'missing_required_parameter');
    const content = Buffer.from(await file.arrayBuffer());
    note(res, { body: { purpose, filename: file.name, content: content.toString('utf8') } });
    res.json(ctx.files.create(purpose, file.name || 'upload.jsonl', content));
  };
}

export function listFiles(ctx: SimContext) {
  return (req: HttpRequest, res: Response) => {
    const purpose = typeof req.query.purpose === 'string' ? req.query.purpose : undefined;
    res.json({ object: 'list', data: ctx.files.list(purpose), has_more: false });
  };
}

export function getFile(ctx: SimContext) {
  return (req: HttpRequest, res: Response) => {
    res.json(fileOr404(ctx, String(req.params.id)));
  };
}

export function getFileContent(ctx: SimContext) {
  return (req: HttpRequest, res: Response) => {
    const id = String(req.params.id);
    fileOr404(ctx, id);
    res.type('application/octet-stream').send(ctx.files.content(id));
  };
}

export function deleteFile(ctx: SimContext) {
  return (req: HttpRequest, res: Response) => {
    const id = String(req.params.id);
    fileOr404(ctx, id);
    ctx.files.delete(id);
    res.json({ id, object: 'file', deleted: true });
  };
}

function fileOr404(ctx: SimContext, id: string) {
  const file = ctx.files.get(id);
  if (!file) throw notFound(`No such File object: ${id}`, 'id');
  return file;
}
