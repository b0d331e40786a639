import type { EvaluationReport } from '@llmops/contracts';
import type { Job } from '@llmops/client';
import { h, replaceChildren, table } from '../dom';
import { usd, when } from '../format';
import { firstItems, type PageContext } from '../page';
import { reportView } from './evaluation-report';

const SCANNED = 1_000;

/** The caller's evaluations (newest first), or one evaluation's report when the route names it. */
export async function evaluationsPage(context: PageContext): Promise<void> {
  if (context.param) return reportPage(context, context.param);
  const { api, root, signal } = context;
  const jobs = (await firstItems(api.jobs.list({ limit: 200, signal }), SCANNED)).filter((job) => job.type === 'evaluation');
  replaceChildren(
    root,
    h('h1', {}, 'Evaluations'),
    jobs.length === 0
      ? h('p', { class: 'note' }, 'No evaluations yet (POST /v1/evaluations).')
      : table(
          ['Evaluation', 'State', 'Created', 'Cases', 'Samples', 'Baseline', 'Regressions', 'Cost'],
          jobs,
          (job) => {
            const report = reportOf(job);
            return [
              h('a', { href: `#/evaluations/${encodeURIComponent(job.id)}`, 'data-evaluation': job.id }, job.id),
              job.state,
              when(job.createdAt),
              report ? String(report.cases) : '—',
              report ? String(report.samples) : '—',
              report?.comparison ? h('code', {}, report.comparison.baseline) : '—',
              report?.comparison ? String(report.comparison.regressions) : '—',
              report ? usd(Number(report.cost.usd)) : '—',
            ];
          },
          (job) => ({ class: (reportOf(job)?.comparison?.regressions ?? 0) > 0 ? 'regression' : undefined }),
        ),
  );
}

async function reportPage({ api, root, charts }: PageContext, id: string): Promise<void> {
  const job = await api.jobs.get(id);
  const report = reportOf(job);
  if (!report) {
    replaceChildren(
      root,
      h('h1', {}, 'Evaluation'),
      h('p', { class: 'note' }, job.type === 'evaluation' ? `This evaluation is ${job.state}: no report yet.` : 'That job is not an evaluation.'),
    );
    return;
  }
  const baseline = report.comparison ? reportOf(await api.jobs.get(report.comparison.baseline).catch(() => undefined)) : undefined;
  replaceChildren(
    root,
    h('p', {}, h('a', { href: '#/evaluations' }, '← all evaluations')),
    h('h1', {}, 'Evaluation ', h('code', {}, job.id)),
    h('p', { class: 'note' }, `${report.cases} cases × ${report.samples} samples, finished ${when(job.finishedAt)}, cost ${usd(Number(report.cost.usd))}.`),
    ...reportView(report, baseline, charts),
  );
}

/** The report of a completed evaluation (the API's contract: packages/contracts EvaluationReport). */
export function reportOf(job: Job | undefined): EvaluationReport | undefined {
  if (!job || job.type !== 'evaluation' || job.state !== 'completed' || !job.result || typeof job.result !== 'object') return undefined;
  const report = job.result as unknown as EvaluationReport;
  return typeof report.graders === 'object' && Array.isArray(report.perCase) ? report : undefined;
}
