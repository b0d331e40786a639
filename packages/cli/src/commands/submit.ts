import type { Command } from 'commander';
import type { EvaluationRequest, InferenceRequest } from '@llmops/client';
import { numberOption, type Context } from '../context';
import { readJsonFile, readJsonl, toInferenceItems } from '../inputs';
import { UsageError } from '../exit-codes';
import { afterSubmit, type FollowFlags } from './follow-flags';
import type { Runner } from '../runner';

interface InferFlags extends FollowFlags {
  model: string;
  system?: string;
  temperature?: string;
  maxTokens?: string;
  seed?: string;
  cache?: 'semantic' | 'exact' | 'off';
  threshold?: string;
  rag?: string;
  topK: string;
  contextTokens: string;
  mode?: 'realtime' | 'batch';
  maxCost?: string;
  idempotencyKey?: string;
}

export function inferCommand(program: Command, run: Runner): void {
  program
    .command('infer')
    .description('submit an inference job from a JSONL file: one item per line, {"id","messages":[...]} or {"id","prompt":"..."}')
    .argument('<file.jsonl>', 'the items')
    .requiredOption('-m, --model <model>', 'chat model, e.g. gpt-4o-mini')
    .option('--system <text>', 'system message put before each "prompt" line')
    .option('--temperature <n>', 'sampling temperature')
    .option('--max-tokens <n>', 'most output tokens per answer')
    .option('--seed <n>', 'sampling seed')
    .option('--cache <mode>', 'semantic | exact | off (default semantic)')
    .option('--threshold <n>', 'semantic cache similarity threshold (default 0.95)')
    .option('--rag <collection>', 'ground answers in passages of this collection')
    .option('--top-k <n>', 'RAG passages per item', '3')
    .option('--context-tokens <n>', 'RAG token budget per item', '1500')
    .option('--mode <mode>', 'realtime | batch (the provider Batch API)')
    .option('--max-cost <usd>', 'the most this job may spend, e.g. 0.50')
    .option('--idempotency-key <key>', 'a repeat with this key returns the first job')
    .option('-f, --follow', 'follow the job with a live progress bar until it ends')
    .option('-o, --out <file.jsonl>', 'with --follow: write the answers there when it completes')
    .action(
      run(async (context: Context, file: string, flags: InferFlags) => {
        const items = toInferenceItems(await readJsonl(file), file, flags.system);
        const parameters = {
          ...optional('temperature', numberOption(flags.temperature, '--temperature')),
          ...optional('max_tokens', numberOption(flags.maxTokens, '--max-tokens')),
          ...optional('seed', numberOption(flags.seed, '--seed')),
        };
        const body: InferenceRequest = {
          model: flags.model,
          parameters,
          items,
          ...(flags.cache || flags.threshold
            ? { cache: { mode: flags.cache ?? 'semantic', ...optional('threshold', numberOption(flags.threshold, '--threshold')) } }
            : {}),
          ...(flags.rag
            ? {
                rag: {
                  collection: flags.rag,
                  topK: numberOption(flags.topK, '--top-k')!,
                  maxContextTokens: numberOption(flags.contextTokens, '--context-tokens')!,
                },
              }
            : {}),
          ...(flags.mode ? { mode: flags.mode } : {}),
          ...(flags.maxCost ? { maxCostUsd: flags.maxCost } : {}),
        };
        const accepted = await context.client.inference.submit(body, flags.idempotencyKey ? { idempotencyKey: flags.idempotencyKey } : {});
        return afterSubmit(context, accepted, flags, `${items.length} items`, items.length);
      }),
    );
}

interface EvaluateFlags extends FollowFlags {
  config?: string;
  model?: string;
  grader?: string[];
  samples?: string;
  baseline?: string;
  maxCost?: string;
  idempotencyKey?: string;
}

export function evaluateCommand(program: Command, run: Runner): void {
  program
    .command('evaluate')
    .description('submit an evaluation: cases from a JSONL file ({"id","input","expected"?,"context"?,"output"?} per line), settings from --config and flags')
    .argument('<cases.jsonl>', 'the cases')
    .option('-c, --config <file.json>', 'the rest of the body: generate, graders, samples, judge, ... (flags below override it)')
    .option('-m, --model <model>', 'generate outputs with this model (cases without "output" need one)')
    .option('-g, --grader <json>', 'a grader, e.g. \'{"type":"contains","value":"Paris"}\' (repeatable)', (value: string, list: string[] = []) => [
      ...list,
      value,
    ])
    .option('-n, --samples <n>', 'samples per case')
    .option('--baseline <job-id>', 'compare with this earlier evaluation')
    .option('--max-cost <usd>', 'the most this job may spend, e.g. 0.50')
    .option('--idempotency-key <key>', 'a repeat with this key returns the first job')
    .option('-f, --follow', 'follow the job with a live progress bar until it ends')
    .option('-o, --out <file.jsonl>', 'with --follow: write the per-sample grades there when it completes')
    .action(
      run(async (context: Context, file: string, flags: EvaluateFlags) => {
        const config = flags.config ? await readJsonFile(flags.config) : {};
        const graders = (flags.grader ?? []).map((text) => {
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw new UsageError('--grader: expected JSON, e.g. {"type":"contains","value":"Paris"}');
          }
        });
        const body = {
          ...config,
          cases: await readJsonl(file),
          ...(flags.model ? { generate: { ...(config.generate as object | undefined), model: flags.model } } : {}),
          ...(graders.length ? { graders } : {}),
          ...optional('samples', numberOption(flags.samples, '--samples')),
          ...(flags.baseline ? { baseline: flags.baseline } : {}),
          ...(flags.maxCost ? { maxCostUsd: flags.maxCost } : {}),
        } as EvaluationRequest;
        if (!Array.isArray(body.graders) || body.graders.length === 0) throw new UsageError('give at least one grader (--grader or "graders" in --config)');
        const accepted = await context.client.evaluations.submit(body, flags.idempotencyKey ? { idempotencyKey: flags.idempotencyKey } : {});
        return afterSubmit(context, accepted, flags, `${body.cases.length} cases`);
      }),
    );
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
