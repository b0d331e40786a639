import Decimal from 'decimal.js';
import type { ModelInfo } from './models';
import { defaultModelRegistry, type ModelRegistry } from './registry';

/**
 * decimal.js with 40 significant digits: far more than any token count times a price needs, so no
 * sum of costs ever rounds. Values are ordinary `Decimal` instances.
 */
export const UsdDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });

/** Token usage of one call, as providers report it. */
export interface TokenUsage {
  /** All prompt tokens, cached ones included (OpenAI's `prompt_tokens`). */
  inputTokens: number;
  /** Completion tokens, reasoning tokens included. Default 0. */
  outputTokens?: number;
  /** The part of inputTokens served from the prompt cache (`prompt_tokens_details.cached_tokens`). Default 0. */
  cachedInputTokens?: number;
  /** Whether the call went through the Batch API. Default false. */
  batch?: boolean;
}

const MILLION = new UsdDecimal(1_000_000);
const NANO_PER_USD = new UsdDecimal(1_000_000_000);

function tokens(value: number | undefined, field: string): Decimal {
  const n = value ?? 0;
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${field} must be a non-negative integer, got ${n}`);
  return new UsdDecimal(n);
}

/**
 * Exact cost in USD of one call. Cached prompt tokens are priced at `cachedInputPerMTok` (or the
 * input price when the model has none); with `batch`, the other tokens use the batch prices where
 * the model has them. Throws UnknownModelError for an unknown model name and RangeError for bad usage.
 */
export function costOf(model: ModelInfo | string, usage: TokenUsage, registry: ModelRegistry = defaultModelRegistry): Decimal {
  const info = typeof model === 'string' ? registry.require(model) : model;
  const input = tokens(usage.inputTokens, 'inputTokens');
  const cached = tokens(usage.cachedInputTokens, 'cachedInputTokens');
  const output = tokens(usage.outputTokens, 'outputTokens');
  if (cached.gt(input)) throw new RangeError('cachedInputTokens cannot exceed inputTokens');
  const p = info.pricing;
  const inputPrice = usage.batch ? (p.batchInputPerMTok ?? p.inputPerMTok) : p.inputPerMTok;
  const outputPrice = usage.batch ? (p.batchOutputPerMTok ?? p.outputPerMTok) : p.outputPerMTok;
  const cachedPrice = p.cachedInputPerMTok ?? p.inputPerMTok;
  return input.minus(cached).times(inputPrice).plus(cached.times(cachedPrice)).plus(output.times(outputPrice)).div(MILLION);
}

/**
 * USD as integer nano-dollars, for ledgers that add with Redis INCRBY. Every built-in price is a
 * whole number of nano-dollars per token, so no rounding happens for them; other amounts round
 * with `rounding` (default half-even).
 */
export function toNanoUsd(d: Decimal.Value, rounding: Decimal.Rounding = Decimal.ROUND_HALF_EVEN): bigint {
  return BigInt(new UsdDecimal(d).times(NANO_PER_USD).toDecimalPlaces(0, rounding).toFixed(0));
}

/** Nano-dollars (as stored by a ledger) back to USD. */
export function fromNanoUsd(n: bigint | number | string): Decimal {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) throw new RangeError(`not a safe integer: ${n}`);
  const value = new UsdDecimal(typeof n === 'bigint' ? n.toString() : n);
  if (!value.isInteger()) throw new RangeError(`nano-dollars must be an integer, got ${String(n)}`);
  return value.div(NANO_PER_USD);
}

/** Options for {@link formatUsd}. */
export interface FormatUsdOptions {
  /** Decimals always shown. Default 2. */
  minDecimals?: number;
  /** Decimals at most (rounded half-up beyond). Default 6, enough for one token of most models. */
  maxDecimals?: number;
}

/** "$1,234.50", "$0.000125", "-$3.00": a USD amount for people, with thousands separators. */
export function formatUsd(d: Decimal.Value, options: FormatUsdOptions = {}): string {
  const { minDecimals = 2, maxDecimals = 6 } = options;
  const value = new UsdDecimal(d).toDecimalPlaces(maxDecimals, Decimal.ROUND_HALF_UP);
  const [whole = '0', fraction = ''] = value.abs().toFixed(maxDecimals).split('.');
  let decimals = fraction.replace(/0+$/, '');
  if (decimals.length < minDecimals) decimals = decimals.padEnd(minDecimals, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value.isNegative() && !value.isZero() ? '-' : '';
  return `${sign}$${grouped}${decimals ? `.${decimals}` : ''}`;
}

/**
 * Integer nano-USD as an exact decimal string with nine places (1234n -> "0.000001234"): the form
 * ledgers, results and reports carry dollars in, so sums never pass through a float.
 */
export function nanoToUsdString(nano: bigint): string {
  const sign = nano < 0n ? '-' : '';
  const abs = nano < 0n ? -nano : nano;
  return `${sign}${abs / 1_000_000_000n}.${(abs % 1_000_000_000n).toString().padStart(9, '0')}`;
}

/** The inverse of nanoToUsdString for any decimal dollar string; digits past the ninth are dropped. */
export function usdStringToNano(usd: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{0,9}))?\d*$/.exec(usd.trim());
  if (!match) throw new RangeError(`not a USD amount: ${usd}`);
  const nano = BigInt(match[2]!) * 1_000_000_000n + BigInt((match[3] ?? '').padEnd(9, '0'));
  return match[1] ? -nano : nano;
}
