import type { Command } from 'commander';
import Table from 'cli-table3';
import { progressCounts, type Job } from '@llmops/client';
import type { Context } from '../context';
import { downloadResults } from '../download';
import { ExitCode, UsageError } from '../exit-codes';
import type { Runner } from '../runner';
import { followAndReport } from './follow-flags';

export function jobsCommand(program: Command, run: Runner): void {
  const jobs = program.command('jobs').description('list, show, follow, download and cancel jobs');

  jobs
    .command('list')
    .description('your jobs, newest first')
    .option('-n, --limit <n>', 'how many', '20')
    .action(
      run(async (context: Context, flags: { limit: string }) => {
        const limit = Number(flags.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit: a whole number >= 1');
        const list: Job[] = [];
        for await (const job of context.client.jobs.list({ limit: Math.min(limit, 200) })) {
          list.push(job);
          if (list.length >= limit) break;
        }
        context.print(list, () => jobTable(list));
        return ExitCode.ok;
      }),
    );

  jobs
    .command('get')
    .description("a job's state, progress, attempts, timestamps, error and summary")
    .argument('<id>', 'job id')
    .action(
      run(async (context: Context, id: string) => {
        const job = await context.client.jobs.get(id);
        context.print(job, () => JSON.stringify(job, null, 2));
        return ExitCode.ok;
      }),
    );

  jobs
    .command('follow')
    .description('follow a job with a live progress bar until it ends (exit 0 completed, 1 failed or cancelled)')
    .argument('<id>', 'job id')
    .option('-o, --out <file.jsonl>', 'write its results there when it completes')
    .action(run(async (context: Context, id: string, flags: { out?: string }) => followAndReport(context, id, flags.out)));

  jobs
    .command('results')
    .description("download a job's item results as JSONL (inference answers and evaluation grades with your data restored)")
    .argument('<id>', 'job id')
    .option('-o, --out <file.jsonl>', 'the file to write (default: stdout)')
    .action(
      run(async (context: Context, id: string, flags: { out?: string }) => {
        const job = await context.client.jobs.get(id);
        const target = flags.out ?? '-';
        const items = await downloadResults(context.client, job, target, context.stdout);
        if (target !== '-') context.print({ id, file: target, items }, () => `wrote ${items} results to ${target}`);
        return ExitCode.ok;
      }),
    );

  jobs
    .command('cancel')
    .description('cancel a job: removed if waiting, told to stop if running (exit 3 if it already finished)')
    .argument('<id>', 'job id')
    .action(
      run(async (context: Context, id: string) => {
        const outcome = await context.client.jobs.cancel(id);
        context.print(outcome, () => `${id}: ${outcome.state}`);
        return ExitCode.ok;
      }),
    );
}

function jobTable(list: readonly Job[]): string {
  if (list.length === 0) return 'no jobs';
  const table = new Table({ head: ['id', 'type', 'state', 'progress', 'created'], style: { head: [], border: [] } });
  for (const job of list) {
    const counts = progressCounts(job.progress);
    table.push([job.id, job.type, job.state, counts ? `${counts.done}/${counts.total}` : '', job.createdAt.replace('T', ' ').slice(0, 19)]);
  }
  return table.toString();
}
