import { createHash, randomBytes } from 'node:crypto';

/** `file-<24 hex>`: an uploaded file. */
export const newFileId = (): string => `file-${randomBytes(12).toString('hex')}`;

/**
 * `batch_<32 hex>`. With an Idempotency-Key the id derives from (tenant, key), so a repeated create
 * finds the batch the first one made.
 */
export function batchIdFor(tenant: string, idempotencyKey?: string): string {
  const hex = idempotencyKey
    ? createHash('sha256').update(`${tenant}\u0000openai-batch\u0000${idempotencyKey}`).digest('hex').slice(0, 32)
    : randomBytes(16).toString('hex');
  return `batch_${hex}`;
}

const FILE_ID = /^file-[0-9a-f]{24}$/;
const BATCH_ID = /^batch_[0-9a-f]{32}$/;
const OUTPUT_ID = /^file-(out|err)-([0-9a-f]{32})$/;

export const isFileId = (id: string): boolean => FILE_ID.test(id);
export const isBatchId = (id: string): boolean => BATCH_ID.test(id);

/** A batch's output file (answered lines) and error file (failed or unrun lines), named after it. */
export const outputFileIds = (batchId: string) => {
  const hex = batchId.slice('batch_'.length);
  return { output: `file-out-${hex}`, error: `file-err-${hex}` };
};

/** The batch and kind of an output or error file id, or undefined for any other id. */
export function parseOutputFileId(id: string): { batchId: string; kind: 'output' | 'error' } | undefined {
  const match = OUTPUT_ID.exec(id);
  return match ? { batchId: `batch_${match[2]}`, kind: match[1] === 'out' ? 'output' : 'error' } : undefined;
}
