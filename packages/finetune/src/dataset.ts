import { setImmediate as nextTurn } from 'node:timers/promises';
import { z } from 'zod';
import { countChatTokens, type ModelInfo } from '@llmops/tokens';

/** One chat-format training example, as OpenAI's fine-tuning API takes it (one JSONL line). */
export const TrainingExample = z.strictObject({
  messages: z
    .array(
      z.strictObject({
        role: z.enum(['system', 'user', 'assistant']),
        content: z.string(),
        name: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,64}$/)
          .optional(),
        /** Assistant turns only: 0 leaves the turn out of training. */
        weight: z.union([z.literal(0), z.literal(1)]).optional(),
      }),
    )
    .min(1),
});
export type TrainingExample = z.infer<typeof TrainingExample>;

/** What is wrong with one line (1-based, as in the file), or with the whole dataset (`line` null). */
export interface DatasetProblem {
  line: number | null;
  message: string;
}

export interface DatasetOptions {
  /** The model to fine-tune: its tokenizer counts and its training context bounds each example. */
  model: ModelInfo;
  /** Fewer valid examples than this is a problem. Default 10 (OpenAI's minimum). */
  minExamples?: number;
  /** Problems reported at most (the rest are counted). Default 100. */
  maxProblems?: number;
  /** Applied to every message content before counting (the tenant's PII policy). Default: none. */
  protect?: (text: string) => Promise<string>;
}

export interface DatasetCheck {
  /** The valid examples as they will be uploaded (after `protect`), one JSON line each. */
  lines: string[];
  /** The valid examples, parsed (after `protect`). */
  examples: TrainingExample[];
  /** Tokens per valid example, in order, with the model's tokenizer. */
  tokens: number[];
  totalTokens: number;
  problems: DatasetProblem[];
  /** Problems found beyond `maxProblems`. */
  moreProblems: number;
}

/**
 * Checks a chat-format JSONL dataset line by line, the way the provider's validation would refuse it,
 * before anything is uploaded or spent: JSON, the example shape (roles, no unknown fields), at least a
 * user and an assistant turn, system turns first, no empty content, no duplicate examples, and each
 * example within the model's training context. Blank lines are skipped. Yields the event loop every
 * few milliseconds, so a large dataset does not stall the process.
 */
export async function checkDataset(jsonl: string, options: DatasetOptions): Promise<DatasetCheck> {
  const { model } = options;
  const limit = model.fineTuning?.trainingContextTokens ?? model.contextWindow;
  const maxProblems = options.maxProblems ?? 100;
  const check: DatasetCheck = { lines: [], examples: [], tokens: [], totalTokens: 0, problems: [], moreProblems: 0 };
  const problem = (line: number | null, message: string) => {
    if (check.problems.length < maxProblems) check.problems.push({ line, message });
    else check.moreProblems += 1;
  };
  const seen = new Map<string, number>();
  let since = performance.now();
  const rows = jsonl.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const text = rows[i]!.trim();
    const line = i + 1;
    if (text === '') continue;
    if (performance.now() - since > 8) {
      await nextTurn();
      since = performance.now();
    }
    const parsed = parseLine(text);
    if ('problem' in parsed) {
      problem(line, parsed.problem);
      continue;
    }
    const shape = shapeProblem(parsed.example);
    if (shape) {
      problem(line, shape);
      continue;
    }
    const example = options.protect ? await protectExample(parsed.example, options.protect) : parsed.example;
    const json = JSON.stringify(example);
    const earlier = seen.get(json);
    if (earlier !== undefined) {
      problem(line, `duplicates line ${earlier}`);
      continue;
    }
    seen.set(json, line);
    const tokens = countChatTokens(example.messages, model.name);
    if (tokens > limit) {
      problem(line, `${tokens} tokens; ${model.name} trains on at most ${limit} per example`);
      continue;
    }
    check.lines.push(json);
    check.examples.push(example);
    check.tokens.push(tokens);
    check.totalTokens += tokens;
  }
  const minimum = options.minExamples ?? 10;
  if (check.examples.length < minimum) problem(null, `${check.examples.length} valid examples; fine-tuning needs at least ${minimum}`);
  return check;
}

function parseLine(text: string): { example: TrainingExample } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'not valid JSON' };
  }
  const result = TrainingExample.safeParse(value);
  if (result.success) return { example: result.data };
  // Paths and rules only: never the line's text (a training example is personal data until proven otherwise).
  const issue = result.error.issues[0]!;
  const message = issue.code === 'unrecognized_keys' ? `${issue.keys.length} unknown field(s) (allowed: messages; role, content, name, weight)` : issue.message;
  return { problem: issue.path.length ? `${issue.path.map(String).join('.')}: ${message}` : message };
}

function shapeProblem(example: TrainingExample): string | undefined {
  const { messages } = example;
  const empty = messages.findIndex((message) => message.content.trim() === '');
  if (empty !== -1) return `messages.${empty}: empty content`;
  const firstOther = messages.findIndex((message) => message.role !== 'system');
  if (firstOther === -1) return 'no user or assistant turn';
  if (messages.slice(firstOther).some((message) => message.role === 'system')) return 'system messages must come before the conversation';
  if (!messages.some((message) => message.role === 'user')) return 'no user turn';
  if (!messages.some((message) => message.role === 'assistant')) return 'no assistant turn to learn from';
  const weighted = messages.findIndex((message) => message.weight !== undefined && message.role !== 'assistant');
  if (weighted !== -1) return `messages.${weighted}: weight is for assistant turns only`;
  return undefined;
}

async function protectExample(example: TrainingExample, protect: (text: string) => Promise<string>): Promise<TrainingExample> {
  const messages = await Promise.all(example.messages.map(async (message) => ({ ...message, content: await protect(message.content) })));
  return { messages };
}
