import type { Request, Response } from 'express';
import { HttpError, validationError } from '../../http/errors';
import { fieldsOf } from '../../privacy/field-inventory';
import { refusePersonalIdentifiers } from '../../privacy/identifiers';
import { NDJSON, parseNdjson, readNdjson } from './ndjson';
import { DocumentBody, IngestBody, IngestQuery } from './schemas';

/**
 * The documents of a POST /v1/collections/{name}/documents, as JSON `{documents, model?}` or NDJSON
 * (one document per line, `?model=`), with what the request hash covers. 400 names the bad field or
 * line; 415 for other content types.
 */
export async function readDocuments(req: Request, res: Response, limit: number) {
  if (req.is(NDJSON)) {
    const text = await readNdjson(req, res, limit);
    const query = IngestQuery.safeParse(req.query);
    if (!query.success) throw validationError(query.error, 'query');
    const lines = parseNdjson(text);
    if (lines.length === 0) throw new HttpError(400, 'invalid_request', 'body: no documents');
    const fields = fieldsOf('POST', '/v1/collections/:name/documents') ?? {};
    const perDocument = Object.fromEntries(
      Object.entries(fields)
        .filter(([path]) => path.startsWith('documents.*.'))
        .map(([path, decision]) => [path.slice('documents.*.'.length), decision]),
    );
    const documents: DocumentBody[] = [];
    for (const [i, line] of lines.entries()) {
      const doc = DocumentBody.safeParse(line);
      if (!doc.success) throw validationError(doc.error, `body.line.${i + 1}`);
      await refusePersonalIdentifiers(doc.data, perDocument, `body.line.${i + 1}`);
      documents.push(doc.data);
    }
    checkUniqueIds(documents, (i) => `body.line.${i + 1}.id`);
    return {
      documents,
      model: query.data.model,
      maxCostUsd: query.data.maxCostUsd,
      rawForHash: { ndjson: text, model: query.data.model, maxCostUsd: query.data.maxCostUsd },
    };
  }
  if (!req.is('application/json') && !req.is('application/*+json')) {
    throw new HttpError(415, 'unsupported_media_type', `send the body as application/json or ${NDJSON}`);
  }
  const body = IngestBody.safeParse(req.body);
  if (!body.success) throw validationError(body.error);
  checkUniqueIds(body.data.documents, (i) => `body.documents.${i}.id`);
  return { documents: body.data.documents, model: body.data.model, maxCostUsd: body.data.maxCostUsd, rawForHash: req.body as unknown };
}

/** Two documents with one id in one request would race each other's chunks: refuse them. */
function checkUniqueIds(documents: readonly DocumentBody[], pathOf: (index: number) => string): void {
  const seen = new Map<string, number>();
  const issues: { path: string; message: string }[] = [];
  documents.forEach((doc, i) => {
    const first = seen.get(doc.id);
    if (first !== undefined) issues.push({ path: pathOf(i), message: `the same document id as ${pathOf(first)}` });
    else seen.set(doc.id, i);
  });
  if (issues.length > 0) throw new HttpError(400, 'invalid_request', issues.map((x) => `${x.path}: ${x.message}`).join('; '), { issues });
}
