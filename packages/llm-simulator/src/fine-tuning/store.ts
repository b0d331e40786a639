import { countChatTokens } from '@llmops/tokens';
import type { FileStore } from '../files';
import { hash53 } from '../random';
import { termsOf } from './terms';
import type { FineTuneJob, FineTuneEvent, FineTuningKnobs, TunedExample } from './types';

const now = () => Math.floor(Date.now() / 1000);
/** Phases in steps of `stepMs`: validated at 1, running at 2, done at 5. */
const STEP = { queued: 1, running: 2, done: 5 } as const;

interface Tracked {
  job: FineTuneJob;
  createdMs: number;
  /** Set when cancelled: the job stops where it was. */
  cancelledMs?: number;
  /** Why validation refuses the file, or null. */
  invalid: string | null;
  /** Fails training at `STEP.done` (the failTraining knob when the job was created). */
  failTraining: boolean;
  trainedTokens: number;
  examples: TunedExample[];
  stepMs: number;
}

/**
 * Fine-tuning jobs in memory. Time drives them, not timers: each read computes the state from how long
 * ago the job was created (validating_files -> queued -> running -> succeeded, one phase every
 * `stepMs`), so there is nothing to clean up when the simulator stops. A succeeded job's model answers
 * from its training examples (see `answerFor`).
 */
export class FineTuningStore {
  private jobs = new Map<string, Tracked>();
  private models = new Map<string, Tracked>();
  private counter = 0;
  knobs: FineTuningKnobs = { stepMs: 200, failTraining: false };

  constructor(private readonly files: FileStore) {}

  create(input: {
    model: string;
    trainingFile: string;
    epochs: number;
    suffix: string | null;
    seed: number | null;
    metadata: Record<string, string> | null;
  }): FineTuneJob {
    const id = `ftjob-sim${String(++this.counter).padStart(6, '0')}`;
    const parsed = this.readTrainingFile(input.trainingFile, input.model);
    const job: FineTuneJob = {
      id,
      object: 'fine_tuning.job',
      model: input.model,
      created_at: now(),
      finished_at: null,
      fine_tuned_model: null,
      organization_id: 'org-llm-simulator',
      result_files: [],
      status: 'validating_files',
      validation_file: null,
      training_file: input.trainingFile,
      hyperparameters: { n_epochs: input.epochs, batch_size: 1, learning_rate_multiplier: 1.8 },
      method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: input.epochs, batch_size: 1, learning_rate_multiplier: 1.8 } } },
      trained_tokens: null,
      error: null,
      seed: input.seed ?? 42,
      estimated_finish: null,
      integrations: [],
      metadata: input.metadata,
      user_provided_suffix: input.suffix,
    };
    this.jobs.set(id, {
      job,
      createdMs: Date.now(),
      invalid: parsed.invalid,
      failTraining: this.knobs.failTraining,
      trainedTokens: parsed.tokens * input.epochs,
      examples: parsed.examples,
      stepMs: this.knobs.stepMs,
    });
    return this.view(id)!;
  }

  /** The job as of now, or undefined. */
  view(id: string): FineTuneJob | undefined {
    const tracked = this.jobs.get(id);
    if (!tracked) return undefined;
    this.advance(tracked);
    return tracked.job;
  }

  /** Newest first. */
  list(): FineTuneJob[] {
    return [...this.jobs.keys()].reverse().map((id) => this.view(id)!);
  }

  cancel(id: string): FineTuneJob | 'final' | undefined {
    const job = this.view(id);
    if (!job) return undefined;
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return 'final';
    const tracked = this.jobs.get(id)!;
    tracked.cancelledMs = Date.now();
    job.status = 'cancelled';
    job.finished_at = now();
    return job;
  }

  /** Events newest first, as OpenAI lists them. */
  events(id: string): FineTuneEvent[] | undefined {
    const tracked = this.jobs.get(id);
    if (!tracked) return undefined;
    this.advance(tracked);
    const at = (step: number) => tracked.job.created_at + Math.floor((step * tracked.stepMs) / 1000);
    const reached = this.stepOf(tracked);
    const out: FineTuneEvent[] = [];
    const add = (step: number, level: FineTuneEvent['level'], message: string) => {
      if (step <= reached)
        out.push({
          object: 'fine_tuning.job.event',
          id: `ftevent-${tracked.job.id.slice(6)}-${out.length}`,
          created_at: at(step),
          level,
          message,
          type: 'message',
          data: {},
        });
    };
    add(0, 'info', 'Validating training file (simulated by llm-simulator)');
    if (tracked.invalid) add(STEP.queued, 'error', `Training file validation failed: ${tracked.invalid}`);
    else {
      add(STEP.queued, 'info', 'Files validated, moving job to queued state');
      add(STEP.running, 'info', 'Fine-tuning job started');
      for (let epoch = 1; epoch <= tracked.job.hyperparameters.n_epochs; epoch++)
        add(
          STEP.running + (epoch * (STEP.done - STEP.running)) / (tracked.job.hyperparameters.n_epochs + 1),
          'info',
          `Epoch ${epoch}/${tracked.job.hyperparameters.n_epochs}: simulated training loss=${(1 / (epoch + 1)).toFixed(3)}`,
        );
      if (tracked.failTraining) add(STEP.done, 'error', 'Training failed (simulated by llm-simulator)');
      else {
        add(STEP.done, 'info', `New fine-tuned model created: ${tracked.job.fine_tuned_model ?? ''}`);
        add(STEP.done, 'info', 'The job has successfully completed');
      }
    }
    if (tracked.cancelledMs !== undefined)
      out.push({
        object: 'fine_tuning.job.event',
        id: `ftevent-${tracked.job.id.slice(6)}-cancel`,
        created_at: tracked.job.finished_at ?? now(),
        level: 'info',
        message: 'Job cancelled',
        type: 'message',
        data: {},
      });
    return out.reverse();
  }

  /** The training examples behind a tuned model id, or undefined for a model this simulator did not make. */
  tunedModel(model: string): TunedExample[] | undefined {
    const tracked = this.models.get(model);
    if (tracked) this.advance(tracked);
    return tracked?.job.status === 'succeeded' ? tracked.examples : undefined;
  }

  private stepOf(tracked: Tracked): number {
    const until = tracked.cancelledMs ?? Date.now();
    return Math.floor((until - tracked.createdMs) / Math.max(1, tracked.stepMs));
  }

  private advance(tracked: Tracked): void {
    const { job } = tracked;
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return;
    const step = this.stepOf(tracked);
    if (step < STEP.queued) return;
    if (tracked.invalid) return this.fail(tracked, 'invalid_training_file', tracked.invalid);
    job.status = step >= STEP.running ? 'running' : 'queued';
    if (step < STEP.done) {
      job.estimated_finish = job.created_at + Math.ceil((STEP.done * tracked.stepMs) / 1000);
      return;
    }
    if (tracked.failTraining) return this.fail(tracked, 'training_failed', 'Training failed (simulated by llm-simulator).');
    const suffix = job.user_provided_suffix ?? '';
    job.fine_tuned_model = `ft:${job.model}:llm-simulator:${suffix}:${hash53(job.id).toString(36).slice(0, 8)}`;
    job.status = 'succeeded';
    job.finished_at = now();
    job.trained_tokens = tracked.trainedTokens;
    job.estimated_finish = null;
    this.models.set(job.fine_tuned_model, tracked);
  }

  private fail(tracked: Tracked, code: string, message: string): void {
    tracked.job.status = 'failed';
    tracked.job.finished_at = now();
    tracked.job.error = { code, message, param: code === 'invalid_training_file' ? 'training_file' : null };
  }

  /** Examples and token count of a training file, or why it is invalid (checked like OpenAI's validation). */
  private readTrainingFile(fileId: string, model: string): { examples: TunedExample[]; tokens: number; invalid: string | null } {
    const content = this.files.content(fileId)?.toString('utf8') ?? '';
    const examples: TunedExample[] = [];
    let tokens = 0;
    const lines = content.split('\n').filter((line) => line.trim() !== '');
    for (const [index, line] of lines.entries()) {
      let messages: { role?: unknown; content?: unknown }[];
      try {
        messages = (JSON.parse(line) as { messages?: { role?: unknown; content?: unknown }[] }).messages ?? [];
      } catch {
        return { examples: [], tokens: 0, invalid: `line ${index + 1} is not valid JSON` };
      }
      if (!Array.isArray(messages) || !messages.some((m) => m.role === 'assistant'))
        return { examples: [], tokens: 0, invalid: `line ${index + 1} has no assistant message` };
      const chat = messages.map((m) => ({ role: String(m.role), content: typeof m.content === 'string' ? m.content : '' }));
      tokens += countChatTokens(chat, model);
      let question = '';
      for (const message of chat) {
        if (message.role === 'user') question = message.content;
        if (message.role === 'assistant' && question) examples.push({ question, answer: message.content, terms: termsOf(question) });
      }
    }
    if (lines.length < 10) return { examples: [], tokens: 0, invalid: `the training file has ${lines.length} examples; at least 10 are required` };
    return { examples, tokens, invalid: null };
  }
}
