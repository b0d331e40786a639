import type { RequestHandler } from 'express';
import { ApiError } from './errors';

/** Any `Authorization: Bearer <anything>` passes; a missing or malformed one is OpenAI's 401. */
export const requireBearer: RequestHandler = (req, _res, next) => {
  const header = req.header('authorization') ?? '';
  if (/^Bearer\s+\S+/i.test(header)) return next();
  next(
    new ApiError(
      401,
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      'invalid_request_error',
      null,
      'missing_api_key',
    ),
  );
};
