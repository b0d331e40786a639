import type { Request } from 'express';
import type { LatencySpec, SimConfig } from '../options';
import { ApiError } from './errors';

/** Per-request overrides: header -> knob. `x-sim-fail-rate` is short for `x-sim-fail-rate-5xx`. */
const RATE_HEADERS: Record<string, 'failRate429' | 'failRate5xx' | 'hangRate'> = {
  'x-sim-fail-rate-429': 'failRate429',
  'x-sim-fail-rate-5xx': 'failRate5xx',
  'x-sim-fail-rate': 'failRate5xx',
  'x-sim-hang-rate': 'hangRate',
};

/** The running config with this request's `x-sim-*` headers laid over it. */
export function effectiveConfig(req: Request, config: SimConfig): SimConfig {
  const out: SimConfig = { ...config };
  const latency = req.header('x-sim-latency-ms');
  if (latency !== undefined) out.latencyMs = parseLatency(latency);
  for (const [header, key] of Object.entries(RATE_HEADERS)) {
    const value = req.header(header);
    if (value !== undefined) out[key] = parseNumber(header, value, 0, 1);
  }
  const status = req.header('x-sim-status-5xx');
  if (status !== undefined) out.status5xx = Math.round(parseNumber('x-sim-status-5xx', status, 500, 599));
  const retry = req.header('x-sim-retry-after-ms');
  if (retry !== undefined) out.retryAfterMs = Math.round(parseNumber('x-sim-retry-after-ms', retry, 0, 86_400_000));
  return out;
}

/** "250" is a fixed 250 ms; "100,900" is a lognormal with p50 100 ms and p99 900 ms. */
export function parseLatency(value: string): LatencySpec {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length === 2) {
    return { p50: parseNumber('x-sim-latency-ms', parts[0] ?? '', 0, 600_000), p99: parseNumber('x-sim-latency-ms', parts[1] ?? '', 0, 600_000) };
  }
  return parseNumber('x-sim-latency-ms', value, 0, 600_000);
}

function parseNumber(header: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new ApiError(400, `Header ${header} must be a number in [${min}, ${max}], got '${value}'.`, 'invalid_request_error', header, 'invalid_value');
  }
  return n;
}
