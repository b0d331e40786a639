import { usdStringToNano } from '@llmops/tokens';
import { gradeDeterministic } from '../deterministic';
import { GradeError } from '../limits';
import type { SampleGrade } from '../report';
import { cosine } from '../stats';
import { letOthersRun } from './cooperate';
import { graderName, isFatal, jobType, type CallScope, type EvaluationPayload, type ItemDeps, type PreparedItem, type WorkItem } from './types';

const defaultEmbeddingModel = 'text-embedding-3-small';

/**
 * The output of one case x sample (given, or generated with seed `seed + sample`) and every grade
 * that needs no judge. Each model call has its own ledger key, so a retried job bills nothing twice.
 */
export async function prepareItem(deps: ItemDeps, payload: EvaluationPayload, item: WorkItem, scope: CallScope): Promise<PreparedItem> {
  const { llm } = deps;
  const key = `${scope.jobId}:${item.kase.id}:${item.sample}`;
  const ctx = { tenant: scope.tenant, jobType, jobId: scope.jobId, signal: scope.signal };
  let costNano = 0n;
  let output = item.kase.output;
  if (output === undefined && payload.generate?.pipeline) {
    // A saved pipeline version generates the output; its steps are billed to this evaluation, keyed per case and sample.
    if (!deps.generateWithPipeline) throw new Error('generate.pipeline: this worker was built without a pipeline generator');
    const generated = await deps.generateWithPipeline(payload.generate.pipeline, item.kase.input, scope, `${key}:pipeline`);
    costNano += generated.costNano;
    output = generated.output;
  }
  if (output === undefined) {
    const generate = payload.generate!;
    const result = await llm.chat(
      {
        model: generate.model,
        messages: [...(generate.system ? [{ role: 'system' as const, content: generate.system }] : []), { role: 'user' as const, content: item.kase.input }],
        temperature: generate.temperature ?? 1,
        seed: (generate.seed ?? 0) + item.sample,
        ...(generate.maxTokens ? { max_tokens: generate.maxTokens } : {}),
      },
      { ...ctx, idempotencyKey: `${key}:output` },
    );
    costNano += result.costNanoUsd;
    output = result.completion.choices[0]?.message.content ?? '';
  }
  const grades: Record<string, SampleGrade> = {};
  for (const grader of payload.graders) {
    const name = graderName(grader);
    if (grader.type === 'rubric') continue;
    // Each grade is bounded (see @llmops/eval's gradeLimits); between them, other work gets its turn.
    await letOthersRun();
    if (grader.type === 'embedding') {
      if (item.kase.expected === undefined) {
        grades[name] = { status: 'error', problem: `case ${item.kase.id} has no expected answer, which the embedding grader needs` };
        continue;
      }
      try {
        const result = await llm.embed([output || ' ', item.kase.expected || ' '], {
          ...ctx,
          model: grader.model ?? payload.embeddingModel ?? defaultEmbeddingModel,
          idempotencyKey: `${key}:${name}`,
        });
        costNano += usdStringToNano(result.costUsd);
        const score = cosine(result.vectors[0]!, result.vectors[1]!);
        grades[name] = { status: 'graded', score, pass: score >= (grader.threshold ?? 0.8) };
      } catch (error) {
        if (!isFatal(error)) throw error;
        grades[name] = { status: 'error', problem: (error as Error).message };
      }
      continue;
    }
    try {
      grades[name] = { status: 'graded', ...gradeDeterministic(grader, item.kase, output) };
    } catch (error) {
      // No grade can be given (no expected answer, an output or grade past its cap, a pattern or schema
      // accepted before submit-time checks): an error grade, counted apart, and the job goes on.
      if (!(error instanceof GradeError)) throw error;
      grades[name] = { status: 'error', problem: error.message };
    }
  }
  return { ...item, output, grades, costNano };
}
