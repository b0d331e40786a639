import { hash53, type Rng } from '../random';

/** A JSON Schema, read loosely (the subset OpenAI's structured outputs accept, and a bit more). */
export type JsonSchema = { [key: string]: unknown };

/** What generated values are made from. */
export interface GenerateContext {
  rng: Rng;
  /** The answer sentence: used for answer-like string fields. */
  answer: string;
  /** Key terms of the question: used for other strings. */
  terms: string[];
  /** When judging: the score in [0, 1] and its reason. */
  verdict?: { overlap: number; reason: string } | undefined;
}

const TEXT_FIELDS = /^(answer|response|text|summary|content|message|output|result)$/i;
const REASON_FIELDS = /^(reason|reasoning|rationale|explanation|justification)$/i;
const PASS_FIELDS = /^(pass|passed|correct|is_correct|grounded|faithful)$/i;
const MAX_DEPTH = 8;

/** Whether a schema is a judge's: an object with a numeric `score` property. */
export function isJudgeSchema(schema: JsonSchema): boolean {
  const score = asSchema(asSchema(schema.properties)?.score);
  return typeOf(score ?? {}, schema) === 'number' || typeOf(score ?? {}, schema) === 'integer';
}

/** A value that validates against `schema` (see README for the keywords honoured). */
export function generateValue(schema: JsonSchema, ctx: GenerateContext): unknown {
  return gen(schema, schema, ctx, undefined, 0);
}

function gen(schema: JsonSchema, root: JsonSchema, ctx: GenerateContext, name: string | undefined, depth: number): unknown {
  const s = resolve(schema, root);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[Math.floor(ctx.rng() * s.enum.length)];
  const variants = s.anyOf ?? s.oneOf;
  if (Array.isArray(variants) && variants.length > 0) {
    const nonNull = variants.map(asSchema).find((v) => v && v.type !== 'null');
    return gen(nonNull ?? asSchema(variants[0]) ?? {}, root, ctx, name, depth);
  }
  if (Array.isArray(s.allOf)) {
    const merged = Object.assign({}, ...s.allOf.map((part) => resolve(asSchema(part) ?? {}, root)), { ...s, allOf: undefined });
    return gen(merged as JsonSchema, root, ctx, name, depth);
  }
  switch (typeOf(s, root)) {
    case 'object':
      return genObject(s, root, ctx, depth);
    case 'array':
      return genArray(s, root, ctx, name, depth);
    case 'number':
      return genNumber(s, ctx, name, false);
    case 'integer':
      return genNumber(s, ctx, name, true);
    case 'boolean':
      return ctx.verdict && name && PASS_FIELDS.test(name) ? ctx.verdict.overlap >= 0.5 : ctx.rng() < 0.5;
    case 'null':
      return null;
    default:
      return genString(s, ctx, name);
  }
}

function genObject(s: JsonSchema, root: JsonSchema, ctx: GenerateContext, depth: number): Record<string, unknown> {
  const props = asSchema(s.properties) ?? {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(props)) {
    // Deep or recursive schemas stop at optional properties; required ones are always filled.
    if (depth >= MAX_DEPTH && !required.has(key)) continue;
    out[key] = gen(asSchema(sub) ?? {}, root, ctx, key, depth + 1);
  }
  for (const key of required) if (!(key in out)) out[key] = genString({}, ctx, key);
  return out;
}

function genArray(s: JsonSchema, root: JsonSchema, ctx: GenerateContext, name: string | undefined, depth: number): unknown[] {
  const min = num(s.minItems) ?? 0;
  const max = Math.max(min, num(s.maxItems) ?? min + 3);
  const count = depth >= MAX_DEPTH ? min : Math.min(max, Math.max(min, 1 + Math.floor(ctx.rng() * 3)));
  const items = Array.isArray(s.prefixItems) ? (s.prefixItems as unknown[]) : [];
  return Array.from({ length: count }, (_, i) => gen(asSchema(items[i]) ?? asSchema(s.items) ?? {}, root, ctx, name, depth + 1));
}

function genNumber(s: JsonSchema, ctx: GenerateContext, name: string | undefined, integer: boolean): number {
  const exclusiveMin = num(s.exclusiveMinimum);
  const exclusiveMax = num(s.exclusiveMaximum);
  const step = integer ? 1 : 1e-6;
  let lo = num(s.minimum) ?? (exclusiveMin !== undefined ? exclusiveMin + step : undefined);
  let hi = num(s.maximum) ?? (exclusiveMax !== undefined ? exclusiveMax - step : undefined);
  // A judge score without bounds reads as 0..1 (number) or 0..10 (integer).
  if (lo === undefined) lo = hi !== undefined ? Math.min(0, hi) : 0;
  if (hi === undefined) hi = lo + (integer ? 10 : 1);
  if (integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  const fraction = ctx.verdict && name === 'score' ? ctx.verdict.overlap : ctx.rng();
  let value = lo + fraction * (hi - lo);
  const multipleOf = num(s.multipleOf);
  if (multipleOf) value = Math.min(Math.floor(hi / multipleOf), Math.max(Math.ceil(lo / multipleOf), Math.round(value / multipleOf))) * multipleOf;
  else if (integer) value = Math.round(value);
  else value = Math.round(value * 1000) / 1000;
  return Math.min(hi, Math.max(lo, value));
}

function genString(s: JsonSchema, ctx: GenerateContext, name: string | undefined): string {
  const format = typeof s.format === 'string' ? s.format : '';
  const seed = hash53(`${ctx.answer}|${name ?? ''}`);
  if (format === 'email') return `user${seed % 1000}@example.com`;
  if (format === 'date-time') return '2024-01-01T00:00:00Z';
  if (format === 'date') return '2024-01-01';
  if (format === 'time') return '12:00:00';
  if (format === 'uuid') return uuidFrom(seed);
  if (format === 'uri' || format === 'url') return `https://example.com/${seed % 1000}`;
  let text: string;
  if (ctx.verdict && name && REASON_FIELDS.test(name)) text = ctx.verdict.reason;
  else if (!name || TEXT_FIELDS.test(name) || REASON_FIELDS.test(name)) text = ctx.answer;
  else text = ctx.terms.length > 0 ? (ctx.terms[Math.floor(ctx.rng() * ctx.terms.length)] as string) : name;
  const min = num(s.minLength) ?? 0;
  const max = num(s.maxLength);
  while (text.length < min) text += ` ${text || 'x'}`;
  return max !== undefined ? text.slice(0, max) : text;
}

function typeOf(s: JsonSchema, root: JsonSchema): string | undefined {
  const resolved = resolve(s, root);
  const type = resolved.type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') ?? type[0]) as string | undefined;
  if (typeof type === 'string') return type;
  if (resolved.properties) return 'object';
  if (resolved.items) return 'array';
  return undefined;
}

/** Follows local `$ref`s (`#/$defs/X`, `#/definitions/X`, `#`). */
function resolve(s: JsonSchema, root: JsonSchema, hops = 0): JsonSchema {
  if (typeof s.$ref !== 'string' || hops > 32) return s;
  let target: unknown = root;
  for (const part of s.$ref.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    target = asSchema(target)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return resolve(asSchema(target) ?? {}, root, hops + 1);
}

function asSchema(value: unknown): JsonSchema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function uuidFrom(seed: number): string {
  const hex = (seed.toString(16) + hash53(String(seed)).toString(16)).padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
