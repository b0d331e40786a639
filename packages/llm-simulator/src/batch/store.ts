import type { FileStore } from '../files';
import type { RequestLog } from '../log';
import type { SimConfig } from '../options';
import { parseBatchFile } from './parse';
import type { Batch, BatchLine, LineResult } from './types';

export interface BatchDeps {
  files: FileStore;
  log: RequestLog;
  config: () => SimConfig;
  run: (url: string, body: unknown, id: string) => LineResult;
}

const now = () => Math.floor(Date.now() / 1000);

/**
 * Batches in memory. Each runs on timers: validating, in_progress after a quarter of
 * `batchDelayMs`, then every line at `batchDelayMs`, then completed (or expired after
 * `batchExpireAfterLines` lines, the rest in the error file as batch_expired).
 */
export class BatchStore {
  private batches = new Map<string, Batch>();
  private lines = new Map<string, BatchLine[]>();
  private timers = new Set<NodeJS.Timeout>();
  private counter = 0;

  constructor(private readonly deps: BatchDeps) {}

  create(inputFileId: string, endpoint: string, completionWindow: string, metadata: Record<string, string> | null): Batch {
    const created = now();
    const batch: Batch = {
      id: `batch_sim${String(++this.counter).padStart(6, '0')}`,
      object: 'batch',
      endpoint,
      errors: null,
      input_file_id: inputFileId,
      completion_window: completionWindow,
      status: 'validating',
      output_file_id: null,
      error_file_id: null,
      created_at: created,
      in_progress_at: null,
      expires_at: created + 24 * 3600,
      finalizing_at: null,
      completed_at: null,
      failed_at: null,
      expired_at: null,
      cancelling_at: null,
      cancelled_at: null,
      request_counts: { total: 0, completed: 0, failed: 0 },
      metadata,
    };
    this.batches.set(batch.id, batch);
    const delay = this.deps.config().batchDelayMs;
    this.later(delay / 4, () => this.validate(batch));
    this.later(delay, () => this.execute(batch));
    return batch;
  }

  get(id: string): Batch | undefined {
    return this.batches.get(id);
  }

  /** Newest first, as OpenAI lists them. */
  list(): Batch[] {
    return [...this.batches.values()].reverse();
  }

  /** Cancels a batch that has not finished; lines not yet run are not run. */
  cancel(batch: Batch): void {
    batch.status = 'cancelling';
    batch.cancelling_at = now();
    this.later(0, () => {
      batch.status = 'cancelled';
      batch.cancelled_at = now();
    });
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private validate(batch: Batch): void {
    if (batch.status !== 'validating') return;
    const text = this.deps.files.content(batch.input_file_id)?.toString('utf8') ?? '';
    const { lines, errors } = parseBatchFile(text, batch.endpoint);
    if (errors.length > 0) {
      batch.status = 'failed';
      batch.failed_at = now();
      batch.errors = { object: 'list', data: errors };
      return;
    }
    this.lines.set(batch.id, lines);
    batch.status = 'in_progress';
    batch.in_progress_at = now();
    batch.request_counts.total = lines.length;
  }

  private execute(batch: Batch): void {
    if (batch.status !== 'in_progress') return;
    const lines = this.lines.get(batch.id) ?? [];
    this.lines.delete(batch.id);
    const expireAfter = this.deps.config().batchExpireAfterLines;
    const outputs: string[] = [];
    const failures: string[] = [];
    lines.forEach((line, i) => {
      const id = `batch_req_${batch.id.slice(6)}_${i}`;
      if (expireAfter !== null && i >= expireAfter) {
        failures.push(
          JSON.stringify({
            id,
            custom_id: line.custom_id,
            response: null,
            error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' },
          }),
        );
        batch.request_counts.failed++;
        return;
      }
      const result = this.deps.run(line.url, line.body, `chatcmpl-${id}`);
      this.deps.log.add({
        method: 'POST',
        path: line.url,
        model: result.model,
        promptTokens: result.promptTokens,
        completionTokens: result.completionTokens,
        status: result.statusCode,
        fault: null,
        batchId: batch.id,
        customId: line.custom_id,
        body: line.body,
      });
      const entry = JSON.stringify({
        id,
        custom_id: line.custom_id,
        response: { status_code: result.statusCode, request_id: id, body: result.body },
        error: null,
      });
      if (result.statusCode === 200) {
        outputs.push(entry);
        batch.request_counts.completed++;
      } else {
        failures.push(entry);
        batch.request_counts.failed++;
      }
    });
    batch.status = 'finalizing';
    batch.finalizing_at = now();
    if (outputs.length > 0) batch.output_file_id = this.file(batch, 'output', outputs);
    if (failures.length > 0) batch.error_file_id = this.file(batch, 'error', failures);
    if (expireAfter !== null && expireAfter < lines.length) {
      batch.status = 'expired';
      batch.expired_at = now();
    } else {
      batch.status = 'completed';
      batch.completed_at = now();
    }
  }

  private file(batch: Batch, kind: string, lines: string[]): string {
    return this.deps.files.create('batch_output', `${batch.id}_${kind}.jsonl`, Buffer.from(lines.join('\n') + '\n')).id;
  }
}
