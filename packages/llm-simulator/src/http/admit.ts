import type { Request, Response } from 'express';
import type { SimContext } from '../context';
import { retryHeaders } from '../limits';
import type { LatencySpec } from '../options';
import { normal, rngFor, type Rng } from '../random';
import { ApiError } from './errors';
import { effectiveConfig } from './knobs';
import { note } from './request-log';

const Z99 = 2.3263478740408408; // standard normal 99th percentile

/** A latency draw: fixed, or lognormal with median p50 and 99th percentile p99. */
export function sampleLatency(spec: LatencySpec, rng: Rng): number {
  const z = normal(rng); // always drawn, so the draws after it do not depend on the spec
  if (typeof spec === 'number') return spec;
  if (spec.p50 <= 0) return 0;
  const sigma = Math.log(Math.max(spec.p99, spec.p50) / spec.p50) / Z99;
  return spec.p50 * Math.exp(sigma * z);
}

/**
 * What stands between a valid request and its answer, in OpenAI's order of effects: latency, then
 * a hang, an injected 429 or 5xx, then the RPM/TPM window. Resolves false when the request hangs
 * (the caller must then send nothing); throws ApiError for 429/5xx.
 */
export async function admit(ctx: SimContext, req: Request, res: Response, estimatedTokens: number): Promise<boolean> {
  const knobs = effectiveConfig(req, ctx.config);
  const rng = rngFor('faults', ctx.seed, ctx.nextRequestNumber());
  const latency = sampleLatency(knobs.latencyMs, rng);
  const hang = rng() < knobs.hangRate;
  const fail429 = rng() < knobs.failRate429;
  const fail5xx = rng() < knobs.failRate5xx;
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  if (hang) {
    note(res, { fault: 'hang' });
    res.locals.simHang?.();
    return false;
  }
  const limits = { rpm: knobs.rpm, tpm: knobs.tpm };
  if (knobs.quotaExhausted) {
    note(res, { fault: 'insufficient-quota' });
    throw new ApiError(
      429,
      'You exceeded your current quota, please check your plan and billing details. (simulated by llm-simulator)',
      'insufficient_quota',
      null,
      'insufficient_quota',
    );
  }
  if (fail429) {
    note(res, { fault: 'injected-429' });
    throw new ApiError(429, 'Rate limit reached (simulated by llm-simulator). Please try again later.', 'requests', null, 'rate_limit_exceeded', {
      ...retryHeaders(knobs.retryAfterMs),
      ...ctx.limiter.exhaustedHeaders(limits, knobs.retryAfterMs),
    });
  }
  if (fail5xx) {
    note(res, { fault: 'injected-5xx' });
    throw new ApiError(
      knobs.status5xx,
      'The server had an error while processing your request. Sorry about that! (simulated by llm-simulator)',
      'server_error',
    );
  }
  const admission = ctx.limiter.admit(estimatedTokens, limits);
  if (!admission.ok) {
    note(res, { fault: 'rate-limited' });
    const type = admission.message.includes('(TPM)') ? 'tokens' : 'requests';
    throw new ApiError(429, admission.message, type, null, 'rate_limit_exceeded', { ...retryHeaders(admission.retryAfterMs), ...admission.headers });
  }
  for (const [name, value] of Object.entries(admission.headers)) res.setHeader(name, value);
  return true;
}
