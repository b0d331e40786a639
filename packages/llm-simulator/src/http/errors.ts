import type { ErrorRequestHandler } from 'express';
import type { z } from 'zod';

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** An error that becomes an OpenAI-shaped response; thrown by handlers, shaped once in `errorHandler`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type = 'invalid_request_error',
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  body(): OpenAIErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

export const invalid = (message: string, param: string | null = null, code: string | null = null) =>
  new ApiError(400, message, 'invalid_request_error', param, code);

export const notFound = (message: string, param: string | null = null) => new ApiError(404, message, 'invalid_request_error', param, null);

/** Parses a request body with zod; the first issue becomes a 400 naming its path as `param`. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : null;
  throw invalid(`Invalid request: ${issue?.message ?? 'bad body'}${param ? ` at '${param}'` : ''}.`, param);
}

/** Turns anything thrown into OpenAI's error shape; bad JSON is a 400 like OpenAI's. */
export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (res.headersSent) {
    res.end(); // a stream that already started cannot switch to an error body
    return;
  }
  let apiError: ApiError;
  if (err instanceof ApiError) apiError = err;
  else if (isBodyParserError(err)) {
    apiError =
      err.type === 'entity.too.large'
        ? invalid('Request body too large.', null, 'request_too_large')
        : invalid("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)");
  } else {
    apiError = new ApiError(500, 'The simulator failed on this request.', 'server_error');
    res.locals.simError = err instanceof Error ? err.message : String(err);
  }
  for (const [name, value] of Object.entries(apiError.headers)) res.setHeader(name, value);
  res.status(apiError.status).json(apiError.body());
};

function isBodyParserError(err: unknown): err is { type: string } {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { type?: unknown }).type === 'string' &&
    ['entity.parse.failed', 'entity.too.large', 'encoding.unsupported'].includes((err as { type: string }).type)
  );
}
