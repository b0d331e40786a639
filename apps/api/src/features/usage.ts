import type { RequestHandler } from 'express';
import { z } from 'zod';
import { llmKeyPrefix } from '@llmops/contracts';
import { readUsage } from '@llmops/llm';
import type { PlatformServices } from '@llmops/services';
import type { ApiDeps, Feature } from '../deps';
import type { RouteSpec } from '../routes/table';
import { HttpError, validationError } from '../http/errors';
import { LimitsStatus, Usage } from '../schemas/platform';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const UsageQuery = z
  .strictObject({ from: day.optional(), to: day.optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'from must not be after to', path: ['from'] });

/** GET /v1/usage?from=YYYY-MM-DD&to=YYYY-MM-DD: the caller's ledger by day, model and job type (UTC). */
function getUsage(deps: ApiDeps): RequestHandler {
  return async (req, res) => {
    const parsed = UsageQuery.safeParse(req.query);
    if (!parsed.success) throw validationError(parsed.error, 'query');
    const today = new Date().toISOString().slice(0, 10);
    const to = parsed.data.to ?? today;
    const from = parsed.data.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    const report = await readUsage(deps.redis, { tenant: req.tenant!, from, to, keyPrefix: llmKeyPrefix(deps.keys.prefix) }).catch((error: unknown) => {
      if (error instanceof RangeError) throw new HttpError(400, 'invalid_request', `query: ${error.message}`);
      throw error;
    });
    const limits = deps.services ? await deps.services.limits.status(req.tenant!) : undefined;
    res.json({
      tenant: req.tenant,
      from,
      to,
      ...JSON.parse(JSON.stringify(report, (_key, value) => (typeof value === 'bigint' ? value.toString() : value))),
      ...(limits ? { limits } : {}),
    });
  };
}

/** GET /v1/limits: every limit of the caller with its value, what is used and what remains. */
function getLimits(deps: ApiDeps & { services: PlatformServices }): RequestHandler {
  return async (req, res) => {
    res.json(await deps.services.limits.status(req.tenant!));
  };
}

export const usageFeature: Feature = {
  routes: (deps): RouteSpec[] => [
    {
      method: 'get',
      path: '/v1/usage',
      summary: "The caller's usage ledger: requests, tokens in/out and dollars by day (UTC), model and job type; default the last 30 days",
      guard: 'tenant',
      handler: getUsage(deps),
      operationId: 'getUsage',
      query: UsageQuery,
      response: { 200: Usage },
      responses: { 200: 'days and totals, and every limit with what is used and left', 400: 'bad from/to', 401: 'missing or unknown API key' },
    },
    {
      method: 'get',
      path: '/v1/limits',
      summary: "The caller's limits: request rate, jobs at once, stored bytes, work caps and budgets, each with what is used and what remains",
      guard: 'tenant',
      handler: getLimits(deps),
      operationId: 'getLimits',
      response: { 200: LimitsStatus },
      responses: { 200: 'every limit with its value, use and remainder', 401: 'missing or unknown API key' },
    },
  ],
};
