import type { PipelineStep, PipelineStepRecord } from '@llmops/contracts';
import { compilePattern, GradeError, schemaValidator } from '@llmops/eval';
import type { PlannedStep } from './plan';
import { StepFailure, type GenerateCall, type PipelinePorts } from './ports';
import { formatValue, renderTemplate, resolveTemplate, valueAt, type Lookup, type ParsedTemplate } from './template';

/** A step's record before the run and time are added. */
export type StepOutcome = Omit<PipelineStepRecord, 'run' | 'finishedAt'>;

export interface StepScope {
  ports: PipelinePorts;
  lookup: Lookup;
  /** Ledger key of this input and step. */
  key: string;
}

const DEFAULT_TOP_K = 5;
const DEFAULT_CONTEXT_TOKENS = 1_500;
const DEFAULT_THRESHOLD = 0.95;
const zero = { usage: { inputTokens: 0, outputTokens: 0 }, costNanoUsd: '0' };

type GenerateSpec = Extract<PipelineStep, { type: 'generate' }> | Extract<Extract<PipelineStep, { type: 'map' }>['step'], { type: 'generate' }>;

function template(step: PlannedStep, field: string): ParsedTemplate {
  const parsed = step.templates.get(field);
  if (!parsed) throw new Error(`step ${step.spec.id} has no parsed ${field}`);
  return parsed;
}

/** Runs one step for one input. Throws StepFailure when the input cannot go on. */
export async function executeStep(step: PlannedStep, scope: StepScope): Promise<StepOutcome> {
  const spec = step.spec;
  const render = (field: string, lookup: Lookup = scope.lookup) => renderTemplate(template(step, field), lookup);
  switch (spec.type) {
    case 'retrieve': {
      const found = await scope.ports.retrieve({
        collection: spec.collection,
        query: render('query'),
        topK: spec.topK ?? DEFAULT_TOP_K,
        maxContextTokens: spec.maxContextTokens ?? DEFAULT_CONTEXT_TOKENS,
        idempotencyKey: scope.key,
      });
      return { status: 'done', output: found.text, documents: found.documents, usage: found.usage, costNanoUsd: found.costNanoUsd.toString() };
    }
    case 'prompt':
      return { status: 'done', output: render('template'), ...zero };
    case 'generate':
      return generate(spec, scope, render('prompt'), step.templates.has('system') ? render('system') : undefined, scope.key);
    case 'parse': {
      const value = parseJson(resolveTemplate(template(step, 'from'), scope.lookup));
      if (spec.schema) {
        const verdict = validateSchema(spec.schema, value);
        if (!verdict.valid) throw new StepFailure(`the value does not match the schema: ${verdict.detail}`);
      }
      return { status: 'done', output: value, ...zero };
    }
    case 'validate': {
      const value = resolveTemplate(template(step, 'from'), scope.lookup);
      const problem = validationProblem(spec, value);
      const output = problem ? { valid: false, problem } : { valid: true };
      if (problem && spec.onInvalid !== 'continue') throw new StepFailure(`invalid: ${problem}`);
      return { status: 'done', output, ...zero };
    }
    case 'branch': {
      const value = formatValue(scope.lookup(spec.on.split('.'))).trim();
      return { status: 'done', output: { case: Object.hasOwn(spec.cases, value) ? value : null }, ...zero };
    }
    case 'map':
      return mapStep(step, spec, scope);
  }
}

/** The steps a branch lets run, from its recorded output. */
export function selectedByBranch(spec: Extract<PipelineStep, { type: 'branch' }>, record: PipelineStepRecord | undefined): readonly string[] {
  if (record?.status !== 'done') return [];
  const taken = (record.output as { case?: unknown } | undefined)?.case;
  return typeof taken === 'string' && Object.hasOwn(spec.cases, taken) ? spec.cases[taken]! : (spec.default ?? []);
}

async function generate(spec: GenerateSpec, scope: StepScope, prompt: string, system: string | undefined, key: string): Promise<StepOutcome> {
  const call: GenerateCall = {
    model: spec.model,
    prompt,
    ...(system !== undefined ? { system } : {}),
    parameters: spec.parameters ?? {},
    cache: { mode: spec.cache?.mode ?? 'off', threshold: spec.cache?.threshold ?? DEFAULT_THRESHOLD },
    ...(spec.schema ? { schema: spec.schema } : {}),
    idempotencyKey: key,
  };
  const answer = await scope.ports.generate(call);
  const record = { usage: answer.usage, costNanoUsd: answer.costNanoUsd.toString(), cache: answer.cache };
  if (!spec.schema) return { status: 'done', output: answer.text, ...record };
  const value = parseJson(answer.text);
  const verdict = validateSchema(spec.schema, value);
  if (!verdict.valid) throw new StepFailure(`the model's JSON does not match the schema: ${verdict.detail}`);
  return { status: 'done', output: value, ...record };
}

async function mapStep(step: PlannedStep, spec: Extract<PipelineStep, { type: 'map' }>, scope: StepScope): Promise<StepOutcome> {
  const list = scope.lookup(spec.over.split('.'));
  if (!Array.isArray(list)) throw new StepFailure('`over` is not a list');
  if (list.length > spec.maxItems) throw new StepFailure(`the list has ${list.length} elements; maxItems is ${spec.maxItems}`);
  const outputs: unknown[] = [];
  let inputTokens = 0;
  let outputTokens = 0;
  let cost = 0n;
  let hits = 0;
  let calls = 0;
  for (const [index, item] of list.entries()) {
    const lookup: Lookup = (path) => (path[0] === 'item' ? valueAt(item, path.slice(1)) : path[0] === 'index' ? index : scope.lookup(path));
    const inner = spec.step;
    if (inner.type === 'prompt') {
      outputs.push(renderTemplate(template(step, 'step.template'), lookup));
      continue;
    }
    const system = step.templates.has('step.system') ? renderTemplate(template(step, 'step.system'), lookup) : undefined;
    const done = await generate(inner, scope, renderTemplate(template(step, 'step.prompt'), lookup), system, `${scope.key}:${index}`);
    outputs.push(done.output);
    inputTokens += done.usage.inputTokens;
    outputTokens += done.usage.outputTokens;
    cost += BigInt(done.costNanoUsd);
    calls += 1;
    if (done.cache === 'hit') hits += 1;
  }
  const cache =
    spec.step.type === 'prompt' || spec.step.cache?.mode === undefined || spec.step.cache.mode === 'off' ? 'off' : calls > 0 && hits === calls ? 'hit' : 'miss';
  return {
    status: 'done',
    output: outputs,
    usage: { inputTokens, outputTokens },
    costNanoUsd: cost.toString(),
    ...(spec.step.type === 'generate' ? { cache } : {}),
  };
}

/** Strings are parsed as JSON; values that already are JSON (a lone placeholder of an object) pass. */
function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    throw new StepFailure('the text is not valid JSON');
  }
}

function validateSchema(schema: Record<string, unknown>, value: unknown): { valid: true } | { valid: false; detail: string } {
  try {
    return schemaValidator(schema).validate(value);
  } catch (error) {
    // A schema or value past the engine's limits fails this input, not the job.
    if (error instanceof GradeError) throw new StepFailure(error.message);
    throw error;
  }
}

/** Why the value fails the validate step's schema or pattern, or undefined when it passes both. */
function validationProblem(spec: Extract<PipelineStep, { type: 'validate' }>, value: unknown): string | undefined {
  if (spec.schema) {
    let candidate = value;
    if (typeof value === 'string') {
      try {
        candidate = JSON.parse(value) as unknown;
      } catch {
        // Not JSON: validated as the string it is.
      }
    }
    const verdict = validateSchema(spec.schema, candidate);
    if (!verdict.valid) return `schema: ${verdict.detail}`;
  }
  if (spec.pattern !== undefined) {
    try {
      if (!compilePattern(spec.pattern, spec.flags ?? '').test(formatValue(value))) return 'pattern: no match';
    } catch (error) {
      if (error instanceof GradeError) throw new StepFailure(error.message);
      throw error;
    }
  }
  return undefined;
}
