import type { JobAccepted, JobDetail } from '@llmops/client';
import type { Context } from '../context';
import { ExitCode } from '../exit-codes';
import { endLine, followJob } from '../follow';
import { downloadResults } from '../download';

export interface FollowFlags {
  follow?: boolean;
  out?: string;
}

/** Prints the accepted job, then (with --follow) follows it to its end and downloads its results with --out. */
export async function afterSubmit(context: Context, accepted: JobAccepted, flags: FollowFlags, what: string, total?: number): Promise<number> {
  if (!flags.follow) {
    context.print(accepted, () => `${accepted.replayed ? 'replayed' : 'accepted'} ${accepted.id} (${accepted.type}, ${what})`);
    return ExitCode.ok;
  }
  context.note(`${accepted.replayed ? 'replayed' : 'accepted'} ${accepted.id} (${accepted.type}, ${what}); following`);
  return followAndReport(context, accepted.id, flags.out, total);
}

/** Follows a job, downloads its results when asked, prints how it ended; the exit code says how. */
export async function followAndReport(context: Context, jobId: string, out: string | undefined, total?: number): Promise<number> {
  const started = Date.now();
  const job: JobDetail = await followJob(context.client, jobId, { stream: context.stderr, signal: context.signal, ...(total ? { total } : {}) });
  const download = out && job.state === 'completed' ? { file: out, items: await downloadResults(context.client, job, out) } : undefined;
  context.print({ ...job, ...(download ? { download } : {}) }, () =>
    [endLine(job, (Date.now() - started) / 1000), ...(download ? [`wrote ${download.items} results to ${download.file}`] : [])].join('\n'),
  );
  return job.state === 'completed' ? ExitCode.ok : ExitCode.jobFailed;
}
