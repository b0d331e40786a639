import { createHash } from 'node:crypto';

/**
 * Ledger idempotency key of one embed call: the job, the batch, and a digest of exactly what is
 * embedded (document, chunk index, hash), so a retry that embeds the same chunks bills nothing twice.
 */
export function batchKey(jobId: string, batchIndex: number, chunks: readonly { documentId: string; index: number; hash: string }[]): string {
  const digest = createHash('sha256');
  for (const c of chunks) digest.update(`${c.documentId}\u0000${c.index}\u0000${c.hash}\n`);
  return `${jobId}:b${batchIndex}:${digest.digest('hex').slice(0, 16)}`;
}
