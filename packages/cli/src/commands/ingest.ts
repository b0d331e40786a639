import type { Command } from 'commander';
import type { Context } from '../context';
import { readFolder } from '../inputs';
import { afterSubmit, type FollowFlags } from './follow-flags';
import type { Runner } from '../runner';

interface IngestFlags extends FollowFlags {
  model?: string;
  maxCost?: string;
  idempotencyKey?: string;
}

export function ingestCommand(program: Command, run: Runner): void {
  program
    .command('ingest')
    .description('ingest every .txt and .md file under a folder into a collection (one document per file, id = its relative path)')
    .argument('<collection>', 'collection name (created on first use)')
    .argument('<folder>', 'the folder to read')
    .option('-m, --model <model>', 'embedding model of a new collection (default text-embedding-3-small)')
    .option('--max-cost <usd>', 'the most this upload may spend, e.g. 0.10')
    .option('--idempotency-key <key>', 'a repeat with this key returns the first job')
    .option('-f, --follow', 'follow the job with a live progress bar until it ends')
    .option('-o, --out <file.jsonl>', 'with --follow: write the per-document results there')
    .action(
      run(async (context: Context, collection: string, folder: string, flags: IngestFlags) => {
        const documents = await readFolder(folder);
        // NDJSON: large folders stay one upload the API streams line by line.
        const accepted = await context.client.collections.ingestNdjson(collection, documents, {
          ...(flags.model ? { model: flags.model } : {}),
          ...(flags.maxCost ? { maxCostUsd: flags.maxCost } : {}),
          ...(flags.idempotencyKey ? { idempotencyKey: flags.idempotencyKey } : {}),
        });
        return afterSubmit(context, accepted, flags, `${documents.length} documents into ${collection}`, documents.length);
      }),
    );

  program
    .command('search')
    .description('search a collection: the nearest chunks with their text restored for the caller')
    .argument('<collection>', 'collection name')
    .argument('<query>', 'the text to search for')
    .option('-k, --top-k <n>', 'how many chunks', '5')
    .action(
      run(async (context: Context, collection: string, query: string, flags: { topK: string }) => {
        const result = await context.client.collections.search(collection, { query, topK: Number(flags.topK) });
        context.print(
          result,
          () =>
            result.hits
              .map((hit) => `${hit.score.toFixed(3)}  ${hit.documentId}#${hit.chunkIndex}  ${hit.text.replace(/\s+/g, ' ').slice(0, 100)}`)
              .join('\n') || 'no hits',
        );
        return 0;
      }),
    );
}
