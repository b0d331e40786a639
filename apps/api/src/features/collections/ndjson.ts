import express, { type Request, type Response } from 'express';
import { HttpError } from '../../http/errors';

/** The NDJSON content type this feature accepts for large uploads. */
export const NDJSON = 'application/x-ndjson';

/**
 * Reads an NDJSON body as text with the API's body limit. The app's global parser only handles JSON,
 * so this runs inside the route, after auth.
 */
export function readNdjson(req: Request, res: Response, limitBytes: number): Promise<string> {
  const parse = express.text({ type: NDJSON, limit: limitBytes });
  return new Promise((resolve, reject) => {
    parse(req, res, (error?: unknown) =>
      error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(typeof req.body === 'string' ? req.body : ''),
    );
  });
}

/** One JSON value per non-blank line; a bad line is a 400 naming its (1-based) line number. */
export function parseNdjson(text: string): unknown[] {
  const out: unknown[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push(JSON.parse(line));
    } catch {
      throw new HttpError(400, 'malformed_json', `line ${i + 1} is not valid JSON`, { issues: [{ path: `body.line.${i + 1}`, message: 'not valid JSON' }] });
    }
  });
  return out;
}
