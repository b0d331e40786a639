import { createSemanticCache, INDEX_BY_SCHEDULER, type SemanticCache } from '@llmops/cache';
import type { PipelineRef } from '@llmops/contracts';
import { NonRetriableError } from '@llmops/queue';
import { usdStringToNano } from '@llmops/tokens';
import type { ProcessorDeps } from '@llmops/services';
import { createDefinitionStore } from '../definitions';
import { runInput } from '../run-input';
import { formatValue } from '../template';
import { platformPorts } from './platform-ports';
import type { InferenceSearch } from './search';
import { contextModelOf, planOf } from './run';

/** A saved pipeline version used as an evaluation's generator, and which of its fields to use. */
export interface GeneratorSpec extends PipelineRef {
  /** The input variable the case's input goes into. Default: the definition's first input. */
  input?: string;
  /** The output field that is the generated output. Default: the definition's first output field. */
  output?: string;
}

/** What `createPipelineGenerator` returns: @llmops/eval's generator port, filled by saved pipelines. */
type PipelineGeneratorFn = (
  spec: GeneratorSpec,
  input: string,
  scope: { tenant: string; jobId: string; signal: AbortSignal },
  key: string,
) => Promise<{ output: string; costNano: bigint }>;

/**
 * Saved pipelines as an evaluation's generator: the output a saved pipeline version gives for one
 * evaluation case input. Its steps are billed to the evaluation (job type `evaluation`) with ledger
 * keys under `key` (case and sample), so a retried evaluation bills nothing twice. A pipeline that
 * fails for this input yields an empty output (graded as such). A version that no longer exists fails
 * the evaluation for good. `search` is the inference family's embedding and retrieval.
 */
export function createPipelineGenerator(deps: ProcessorDeps, search: InferenceSearch): PipelineGeneratorFn {
  const cache = pipelineCache(deps);
  const store = createDefinitionStore(deps.redis, deps.prefix);
  return async (spec, input, scope, key) => {
    const saved = await store.get(scope.tenant, spec.name, spec.version);
    if (!saved) throw new NonRetriableError(`generate.pipeline: no saved pipeline ${spec.name} version ${spec.version} for this tenant`);
    const plan = planOf({ definition: saved.definition, inputCount: 1 });
    const variable = spec.input ?? saved.definition.inputs[0]!;
    const values = Object.fromEntries(saved.definition.inputs.map((name) => [name, name === variable ? input : '']));
    const ports = platformPorts(deps, cache, search, {
      tenant: scope.tenant,
      jobId: scope.jobId,
      jobType: 'evaluation',
      signal: scope.signal,
      contextModel: contextModelOf(plan),
    });
    // The evaluation stores each sample whole: no per-step progress is kept, so `jobId` only keys the ledger.
    const result = await runInput({ plan, jobId: key, index: 0, input: values, run: key, done: new Map(), ports, signal: scope.signal, save: async () => {} });
    const field = spec.output ?? Object.keys(saved.definition.output)[0]!;
    return { output: result.status === 'completed' ? formatValue(result.output?.[field]) : '', costNano: usdStringToNano(result.costUsd) };
  };
}

/** The semantic cache pipeline steps read and write (its index is built by the maintenance scheduler). */
export function pipelineCache(deps: ProcessorDeps): SemanticCache {
  return createSemanticCache({ redis: deps.redis, prefix: deps.prefix, vectors: deps.services.vectors, maintenance: INDEX_BY_SCHEDULER });
}
